package org.socialcare.examples.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntConsumer;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.domain.Direction;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.reply.ApprovalRequest;
import org.socialcare.core.error.CareException;
import org.socialcare.examples.SimulatedClock;

/**
 * Plays a bank's care day in simulated time: customers write (from {@link CustomerTraffic}), the desk takes
 * their messages through a {@link Delivery}, simulated agents claim work from their team queue, answer with
 * templates after a realistic handling time, move conversations to private, request callbacks and resolve;
 * customers answer private invitations; the outbox publishes every minute. Reproducible for a seed.
 *
 * <p>The agents act like people who read the message: they know the {@link Story} behind it. Everything the
 * policies decide (triage, routing, escalation, moderation) is the library's.
 */
public final class CareDaySimulation {
    /** Simulated opening time of the day. */
    public static final Instant OPENING = Instant.parse("2026-03-02T08:00:00Z");

    public static final Duration DAY = Duration.ofHours(12);
    private static final Duration TICK = Duration.ofMinutes(1);
    /** Story 9: when someone who took over the brand account tweets from an unknown app, and the app's name. */
    public static final Instant HIJACK_AT = OPENING.plus(Duration.ofHours(7));

    public static final String HIJACK_APP = "TweetBlaster Pro";
    /** How long the supervisor takes to check the account and lift the kill switch. */
    public static final Duration RESUME_AFTER = Duration.ofMinutes(30);

    private final CareDesk desk;
    private final SimulatedClock clock;
    private final BankSetup bank;
    private final Random random;
    private final Delivery delivery;
    private final Deque<SimulatedMessage> pending;
    private final List<SimulatedMessage> followUps = new ArrayList<>();
    private final Map<String, SimulatedMessage> byMessageId = new HashMap<>();
    private final Map<ConversationId, Stage> stages = new HashMap<>();
    private final Map<ConversationId, Instant> readyAt = new HashMap<>();
    private final DayLog log;
    private final double speed;
    private int followUpSeq;
    private int replySeq;
    /** Conversations with a reply held for approval, as of this tick (one read of the gateway per tick). */
    private final java.util.Set<ConversationId> awaitingApproval = new java.util.HashSet<>();

    private boolean hijackPosted;
    private Instant pausedAt;

    private enum Stage {
        FIRST_ANSWER,
        AWAITING_PRIVATE,
        PRIVATE_ANSWER,
        DONE
    }

    public CareDaySimulation(
            CareDesk desk,
            SimulatedClock clock,
            BankSetup bank,
            Delivery delivery,
            int messages,
            long seed,
            double speed,
            DayLog log) {
        this.log = log;
        this.desk = desk;
        this.clock = clock;
        this.bank = bank;
        this.delivery = delivery;
        this.random = new Random(seed ^ 0x5DEECE66DL);
        this.speed = speed;
        List<SimulatedMessage> day = new CustomerTraffic(seed, bank).day(OPENING, DAY, messages);
        this.pending = new ArrayDeque<>(day);
        day.forEach(m -> byMessageId.put(m.id(), m));
    }

    /** Runs the day to its end (and until the last conversation is handled or two hours after closing). */
    public DayLog run(IntConsumer progress) {
        Instant end = OPENING.plus(DAY);
        Instant hardStop = end.plus(Duration.ofHours(2));
        int total = pending.size();
        long realStart = System.nanoTime();
        while (clock.instant().isBefore(end) || (busy() && clock.instant().isBefore(hardStop))) {
            tick();
            progress.accept(total - pending.size());
            pace(realStart);
            clock.advance(TICK);
        }
        tick();
        progress.accept(total);
        return log;
    }

    private void tick() {
        Instant now = clock.instant();
        List<SimulatedMessage> due = new ArrayList<>();
        while (!pending.isEmpty() && !pending.peek().at().isAfter(now)) {
            due.add(pending.poll());
        }
        followUps.removeIf(f -> {
            if (!f.at().isAfter(now)) {
                due.add(f);
                return true;
            }
            return false;
        });
        due.forEach(m -> log.inbound(m, now));
        delivery.post(due);
        delivery.pump();
        accountTakeover(now);
        supervisorsApprove(now);
        agentsWork(now);
        desk.sweep();
        log.dispatched(desk.dispatchOutbox(), now);
    }

    private boolean busy() {
        return !pending.isEmpty()
                || !followUps.isEmpty()
                || bank.teams().stream().anyMatch(t -> !desk.queue(t.id(), 1).isEmpty())
                || desk.agents().stream().anyMatch(a -> !desk.assignedTo(a.id()).isEmpty());
    }

    private void agentsWork(Instant now) {
        for (Agent agent : desk.agents()) {
            if (agent.presence() != Presence.ONLINE) {
                continue;
            }
            List<Conversation> mine = desk.assignedTo(agent.id());
            // conversations waiting for the customer do not take an agent's attention
            long working = mine.stream()
                    .filter(c -> c.awaitingResponseSince().isPresent())
                    .count();
            int free = (int) (agent.capacity() - working);
            boolean claimed = false;
            // routing assigns most work; agents pick up what waits in the queue (e.g. after a supervisor gave it back)
            for (Conversation c : free > 0 ? desk.queue(agent.team(), free) : List.<Conversation>of()) {
                try {
                    desk.claim(c.id(), agent.id());
                    claimed = true;
                } catch (CareException raced) {
                    // another agent (or node) took it first
                }
            }
            for (Conversation c : claimed ? desk.assignedTo(agent.id()) : mine) {
                handle(agent, c, now);
            }
        }
    }

    /**
     * Story 9: at 15:00 the brand account tweets from an app the bank never approved; the hijack guard pauses
     * the channel (its replies wait in the outbox) and a supervisor, having checked the account, resumes it.
     */
    private void accountTakeover(Instant now) {
        if (!hijackPosted && !now.isBefore(HIJACK_AT)) {
            hijackPosted = true;
            delivery.postAsAccount(
                    BankSetup.TWITTER_BRAND,
                    "Congratulations! Claim your Northbank prize: log in at northbank-prizes.example",
                    HIJACK_APP,
                    now);
        }
        boolean paused = !desk.channel(BankSetup.TWITTER_BRAND).isActive();
        if (paused && pausedAt == null) {
            pausedAt = now;
        }
        if (paused && !now.isBefore(pausedAt.plus(RESUME_AFTER))) {
            Optional<Agent> supervisor = desk.agents().stream()
                    .filter(a -> a.supervisor() && a.team().equals(BankSetup.SOCIAL_CARE))
                    .findFirst();
            if (supervisor.isPresent()) {
                log.channelResumed(
                        BankSetup.TWITTER_BRAND,
                        desk.storage().outbox().queued(BankSetup.TWITTER_BRAND).size());
                desk.resumeChannel(
                        BankSetup.TWITTER_BRAND, supervisor.get().id().value());
                pausedAt = null;
            }
        }
    }

    /** Supervisors review held replies (four eyes) two minutes after they were written. */
    private void supervisorsApprove(Instant now) {
        List<ApprovalRequest> pendingNow = desk.pendingApprovals();
        awaitingApproval.clear();
        pendingNow.forEach(r -> awaitingApproval.add(r.reply().conversation()));
        for (ApprovalRequest request : pendingNow) {
            if (request.requestedAt().plus(Duration.ofMinutes(2)).isAfter(now)) {
                continue;
            }
            Optional<Agent> reviewer = desk.agents().stream()
                    .filter(a -> a.supervisor()
                            && a.presence() == Presence.ONLINE
                            && !request.reply().author().filter(a.id()::equals).isPresent())
                    .findFirst();
            if (reviewer.isPresent()) {
                desk.approve(request.reply().id(), reviewer.get().id());
                awaitingApproval.remove(request.reply().conversation());
                log.approved();
            }
        }
    }

    private void handle(Agent agent, Conversation c, Instant now) {
        if (awaitingApproval.contains(c.id())) {
            return; // waiting for a supervisor's approval
        }
        Stage stage = stages.getOrDefault(c.id(), Stage.FIRST_ANSWER);
        if (stage == Stage.AWAITING_PRIVATE) {
            if (c.awaitingResponseSince().isPresent()) {
                stages.put(c.id(), stage = Stage.PRIVATE_ANSWER);
            } else if (c.lastAgentReplyAt()
                    .map(t -> t.plus(Duration.ofHours(2)).isBefore(now))
                    .orElse(false)) {
                resolve(agent, c); // the customer never came back
                return;
            } else {
                return;
            }
        }
        if (c.awaitingResponseSince().isEmpty() && stage != Stage.FIRST_ANSWER) {
            return;
        }
        Instant ready = readyAt.computeIfAbsent(c.id(), id -> now.plus(Duration.ofSeconds(30 + random.nextInt(120))));
        if (ready.isAfter(now)) {
            return;
        }
        readyAt.remove(c.id());
        SimulatedMessage first = firstMessage(c);
        // a case reference per reply, as banks add them: platforms refuse an account's identical texts as duplicates
        String sig = " ^" + agent.initials() + " #"
                + Integer.toString(++replySeq, 36).toUpperCase(java.util.Locale.ROOT);
        String name = c.customer()
                .displayName()
                .map(n -> n.split(" ")[0])
                .orElse(c.customer().handle());
        boolean publicFirst = first.visibility() == Visibility.PUBLIC;
        try {
            if (stage == Stage.PRIVATE_ANSWER) {
                if (first.story() == Story.ON_HOLD || first.story() == Story.FRAUD) {
                    desk.requestCallback(c.id(), agent.id(), phoneIn(c), Optional.empty());
                    log.callback();
                    sendPrivately(
                            agent, c, "Thanks " + name + ", we're calling you now from our fraud and card team." + sig);
                } else {
                    sendPrivately(
                            agent,
                            c,
                            "Thanks " + name + ", that's sorted: you'll see it on your account within 24 hours." + sig);
                }
                resolve(agent, c);
                return;
            }
            switch (first.story()) {
                case QUESTION ->
                    answer(
                            agent,
                            c,
                            publicFirst,
                            "Hi " + name + ", you'll find the steps here: https://northbank.example/help/faq" + sig,
                            true);
                case PRAISE ->
                    answer(
                            agent,
                            c,
                            publicFirst,
                            "Thank you " + name + ", we'll pass that on to the team!" + sig,
                            true);
                case SPAM, ABUSE -> resolve(agent, c);
                case LEGAL_THREAT -> {
                    desk.escalate(c.id(), "agent:" + agent.id(), "customer threatens legal action");
                    moveToPrivate(agent, c, publicFirst, name, sig, "so a senior colleague can review this today");
                }
                case ON_HOLD, FRAUD ->
                    moveToPrivate(agent, c, publicFirst, name, sig, "with a number we can call you on right now");
                case CARD_IN_PUBLIC ->
                    moveToPrivate(
                            agent,
                            c,
                            publicFirst,
                            name,
                            sig,
                            "and please never share card details in public: we've asked for your post to be hidden");
                case COMPLAINT, HARSH_CRITICISM ->
                    moveToPrivate(agent, c, publicFirst, name, sig, "with your details so we can put this right");
                case SPANISH_COMPLAINT ->
                    moveToPrivate(agent, c, publicFirst, name, sig, "con sus datos y lo resolvemos hoy");
            }
        } catch (CareException e) {
            log.agentError(e);
            stages.put(c.id(), Stage.DONE);
            resolveQuietly(agent, c);
        }
    }

    /**
     * A private answer: a direct message, or on Facebook, when the customer's latest message is a public comment
     * (they wrote again in public instead of on Messenger), a private reply to that comment: the page may not
     * message someone who never wrote to it.
     */
    private void sendPrivately(Agent agent, Conversation c, String text) {
        List<StoredMessage> thread = desk.messages(c.id());
        Optional<StoredMessage> latest =
                thread.stream().filter(m -> m.direction() == Direction.INBOUND).reduce((a, b) -> b);
        if (desk.channel(c.channel()).platform().equals(Platform.FACEBOOK)
                && latest.map(m -> m.visibility() == Visibility.PUBLIC).orElse(false)) {
            desk.privateReplyToComment(c.id(), agent.id(), text);
        } else {
            desk.sendPrivate(c.id(), agent.id(), text);
        }
    }

    private void answer(Agent agent, Conversation c, boolean inPublic, String text, boolean thenResolve) {
        if (inPublic) {
            desk.reply(c.id(), agent.id(), text);
        } else {
            desk.sendPrivate(c.id(), agent.id(), text);
        }
        if (thenResolve) {
            resolve(agent, c);
        }
    }

    private void moveToPrivate(Agent agent, Conversation c, boolean publicFirst, String name, String sig, String why) {
        if (publicFirst) {
            String mention =
                    c.customer().handle().isBlank() ? "" : "@" + c.customer().handle() + " ";
            desk.moveToPrivate(
                    c.id(),
                    agent.id(),
                    mention + "Sorry to hear this, " + name + ". Please send us a DM " + why + "." + sig,
                    Optional.empty());
            log.privateMove();
        } else {
            desk.sendPrivate(
                    c.id(), agent.id(), "Sorry to hear this, " + name + ". Please reply here " + why + "." + sig);
        }
        stages.put(c.id(), Stage.AWAITING_PRIVATE);
        if (random.nextInt(10) < 8) { // most customers answer the invitation
            SimulatedMessage first = firstMessage(c);
            String text = first.story() == Story.ON_HOLD || first.story() == Story.FRAUD
                    ? "you can call me on " + Texts.phoneNumber(random)
                    : first.story() == Story.SPANISH_COMPLAINT
                            ? "mi número de cliente es 55501234, gracias"
                            : "ok, my customer number is 55501234";
            followUps.add(new SimulatedMessage(
                    "f" + (++followUpSeq),
                    clock.instant().plus(Duration.ofMinutes(3 + random.nextInt(25))),
                    c.channel(),
                    c.customer(),
                    Visibility.PRIVATE,
                    text,
                    first.story(),
                    Optional.empty()));
        }
    }

    private void resolve(Agent agent, Conversation c) {
        stages.put(c.id(), Stage.DONE);
        resolveQuietly(agent, c);
    }

    private void resolveQuietly(Agent agent, Conversation c) {
        Conversation now = desk.conversation(c.id()).orElseThrow();
        if (now.state().canMoveTo(ConversationState.RESOLVED)) {
            desk.resolve(c.id(), agent.id());
            log.resolved();
        }
    }

    private SimulatedMessage firstMessage(Conversation c) {
        StoredMessage first = desk.messages(c.id()).get(0);
        SimulatedMessage m = byMessageId.get(delivery.simulatedId(first.key().messageId()));
        if (m != null) {
            return m;
        }
        return new SimulatedMessage(
                first.key().messageId(),
                first.createdAt(),
                c.channel(),
                c.customer(),
                first.visibility(),
                first.text(),
                Story.QUESTION,
                first.inReplyTo());
    }

    private String phoneIn(Conversation c) {
        List<StoredMessage> thread = desk.messages(c.id());
        for (int i = thread.size() - 1; i >= 0; i--) {
            String text = thread.get(i).text();
            int at = text.indexOf("07700");
            if (at >= 0) {
                return text.substring(at).trim();
            }
        }
        return "07700 900000";
    }

    private void pace(long realStartNanos) {
        if (speed <= 0) {
            return;
        }
        double simulatedSeconds = Duration.between(OPENING, clock.instant()).toSeconds();
        long targetNanos = realStartNanos + (long) (simulatedSeconds / speed * 1e9);
        long sleep = targetNanos - System.nanoTime();
        if (sleep > 0) {
            try {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
