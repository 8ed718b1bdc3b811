package org.socialcare.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.CallbackRequest;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.examples.demo.ReplayableIds;

/**
 * The story the library exists for, scripted in memory: a customer on hold for 40 minutes tweets their anger;
 * an agent answers in public within minutes, asks for a phone number by private message, the bank calls back
 * and the conversation is resolved. {@link #run(PrintStream)} prints the conversation's timeline.
 */
public final class OnHoldStory {
    static final TeamId CARE = TeamId.of("social-care");
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d[\\d ]{5,}\\d");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final List<CallbackRequest> callbacks = new ArrayList<>();
    private final AtomicLong tweetIds = new AtomicLong(1_730_000_000_000_000_000L);
    private final Party anna = new Party("1001", "anna_k", Optional.of("Anna K."), 312, false);
    private final Agent alice = Agent.of("alice", "Alice Brown", "AB", CARE);
    private final CareDesk desk = CareDesk.builder()
            .clock(clock)
            .ids(new ReplayableIds(clock)) // the same ids in every telling
            .team(Team.of("social-care", "Social care"))
            .channel(Channel.of("twitter-care", Platform.TWITTER, "AskBank", "900", ChannelKind.DEDICATED_CARE, CARE))
            .agent(alice)
            .publisher(new ChannelPublisher() {
                @Override
                public Platform platform() {
                    return Platform.TWITTER;
                }

                @Override
                public Optional<String> publish(Channel channel, Reply reply) {
                    return Optional.of(String.valueOf(tweetIds.incrementAndGet()));
                }
            })
            .callbackGateway(callbacks::add)
            .build();

    /** Plays the story and returns the resolved conversation. */
    public Conversation play() {
        ConversationId id = desk.ingest(Batch.of(List.of(message(
                        "1",
                        Visibility.PUBLIC,
                        "@AskBank I've been on hold for 40 minutes to report a blocked card. Is anyone there?!"))))
                .touched()
                .get(0);

        clock.advance(Duration.ofMinutes(3));
        desk.claim(id, alice.id());
        desk.reply(id, alice.id(), "@anna_k So sorry about the wait, Anna. Let's sort this out right now ^AB");
        desk.dispatchOutbox();

        clock.advance(Duration.ofMinutes(1));
        desk.moveToPrivate(
                id,
                alice.id(),
                "@anna_k We've sent you a DM so we can call you back ^AB",
                Optional.of(
                        "Hi Anna, which number can we call you on in the next few minutes? Please don't post it publicly."));
        desk.dispatchOutbox();

        clock.advance(Duration.ofMinutes(4));
        desk.ingest(Batch.of(List.of(message("dm-2", Visibility.PRIVATE, "07700 900123, thanks"))));

        clock.advance(Duration.ofMinutes(1));
        desk.requestCallback(id, alice.id(), "07700 900123", Optional.empty());

        clock.advance(Duration.ofMinutes(15));
        desk.sendPrivate(id, alice.id(), "Thanks for talking to us, Anna. Your new card is on its way ^AB");
        desk.dispatchOutbox();
        return desk.resolve(id, alice.id());
    }

    /** Plays the story and prints its timeline. */
    public Conversation run(PrintStream out) {
        Conversation c = play();
        out.println("The customer on hold for 40 minutes (in memory, simulated time)");
        out.println("-".repeat(72));
        for (String line : timeline(c.id())) {
            out.println(line);
        }
        out.println("-".repeat(72));
        out.printf(
                Locale.ROOT,
                "Conversation %s: %s, first response after %d min, %d customer messages, callbacks requested: %d%n",
                c.id(),
                c.state(),
                Duration.between(c.openedAt(), c.firstResponseAt().orElseThrow())
                        .toMinutes(),
                c.customerMessageCount(),
                callbacks.size());
        return c;
    }

    /** The conversation's messages, replies and audit trail merged by time; phone numbers masked. */
    public List<String> timeline(ConversationId id) {
        record Line(Instant at, int order, String text) {}
        List<Line> lines = new ArrayList<>();
        for (StoredMessage m : desk.messages(id)) {
            String who =
                    m.direction() == org.socialcare.core.domain.Direction.INBOUND ? "@" + m.authorHandle() : "@AskBank";
            lines.add(new Line(
                    m.createdAt(),
                    0,
                    String.format(
                            Locale.ROOT, "%-8s %-9s %s: %s", m.visibility(), m.direction(), who, mask(m.text()))));
        }
        for (AuditEntry e : desk.history(id)) {
            lines.add(new Line(
                    e.at(),
                    1,
                    String.format(Locale.ROOT, "%-8s %-9s %s (%s)", "audit", e.action(), e.detail(), e.actor())));
        }
        lines.sort(Comparator.comparing(Line::at).thenComparing(Line::order));
        return lines.stream().map(l -> TIME.format(l.at()) + "  " + l.text()).toList();
    }

    CareDesk desk() {
        return desk;
    }

    List<CallbackRequest> callbacks() {
        return callbacks;
    }

    private static String mask(String text) {
        return LONG_DIGITS
                .matcher(text)
                .replaceAll(r -> "*".repeat(r.group().length() - 3)
                        + r.group().substring(r.group().length() - 3));
    }

    private InboundMessage message(String id, Visibility visibility, String text) {
        return InboundMessage.builder(
                        MessageKey.of(Platform.TWITTER, id),
                        org.socialcare.core.domain.ChannelId.of("twitter-care"),
                        anna)
                .text(text)
                .visibility(visibility)
                .createdAt(clock.instant())
                .language("en")
                .build();
    }
}
