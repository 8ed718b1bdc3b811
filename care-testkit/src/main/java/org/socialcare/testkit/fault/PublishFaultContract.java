package org.socialcare.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.reply.EchoText;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.Outbox;
import org.socialcare.core.port.out.OutboxClaim;
import org.socialcare.core.port.out.PublishedLookup;
import org.socialcare.testkit.MutableClock;
import org.socialcare.testkit.TestData;

/**
 * A desk stopped at any publishing step, or whose platform answer is lost, and a desk restarted on the same storage
 * publish every reply exactly once: none lost, none published twice. The steps, each injected at the first, a
 * middle and the last of {@value #REPLIES} queued replies:
 *
 * <ul>
 *   <li>{@link Step#STORAGE_BLIP_RECORDING_ATTEMPT}: recording the attempt fails once (the desk lives on);
 *   <li>{@link Step#STOPPED_AFTER_ATTEMPT_RECORDED}: the attempt is recorded, then the desk dies before the
 *       platform call (every later write of that desk fails, its platform calls too);
 *   <li>{@link Step#STOPPED_AFTER_PLATFORM_CALL}: the platform publishes, then the desk dies before marking the
 *       reply sent;
 *   <li>{@link Step#LOST_ANSWER}: the platform publishes but its answer is lost (UNKNOWN).
 * </ul>
 * The platform is a recording one that answers lookups ({@link ChannelPublisher#findPublished}) from what it
 * really published, matching target, recipient and text as the real adapters do. After the fault a new desk on the
 * same storage dispatches (its clock past every lease) until nothing is queued. Asserted per reply: SENT, published
 * exactly once, recorded with the id of the one copy.
 *
 * <p>The subclass provides {@link #createStorage()}: a fresh, empty storage, called once per case.
 */
public abstract class PublishFaultContract {
    /** Replies queued per case. */
    public static final int REPLIES = 12;

    /** Where the fault is injected. */
    public enum Step {
        STORAGE_BLIP_RECORDING_ATTEMPT,
        STOPPED_AFTER_ATTEMPT_RECORDED,
        STOPPED_AFTER_PLATFORM_CALL,
        LOST_ANSWER
    }

    /** A fresh, empty storage. */
    protected abstract CareStorage createStorage();

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Step step : Step.values()) {
            for (int at : new int[] {0, REPLIES / 2, REPLIES - 1}) {
                out.add(Arguments.of(step, at));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} at reply {1}")
    @MethodSource("cases")
    void everyReplyIsPublishedExactlyOnceAfterAFaultAtThisStep(Step step, int at) {
        CareStorage storage = createStorage();
        MutableClock clock = new MutableClock(TestData.T0.plus(Duration.ofHours(2)));
        RecordingPlatform platform = new RecordingPlatform();
        AtomicBoolean dead = new AtomicBoolean();
        FaultyOutbox outbox = new FaultyOutbox(storage.outbox(), dead);
        CareDesk first = desk(withOutbox(storage, outbox), clock, platform.asSeenBy(dead));
        List<Reply> replies = queueReplies(first);
        ReplyId target = replies.get(at).id();
        switch (step) {
            case STORAGE_BLIP_RECORDING_ATTEMPT -> outbox.blipAttemptOf(target);
            case STOPPED_AFTER_ATTEMPT_RECORDED -> outbox.dieAfterAttemptOf(target);
            case STOPPED_AFTER_PLATFORM_CALL -> outbox.dieBeforeSentOf(target);
            case LOST_ANSWER -> platform.loseAnswerFor(replies.get(at).text());
        }

        Throwable thrown = catchThrowable(first::dispatchOutbox);
        assertThat(thrown).as("a desk never throws out of dispatch").isNull();
        assertThat(outbox.injected.get() + platform.lost.get())
                .as("the fault happened")
                .isEqualTo(1);

        CareDesk restarted = desk(storage, clock, platform.asSeenBy(new AtomicBoolean()));
        for (int round = 0; round < 10 && !allSent(storage, replies); round++) {
            clock.advance(Duration.ofHours(1)); // past the attempt lease and any backoff
            restarted.dispatchOutbox();
        }

        for (Reply r : replies) {
            Reply stored = storage.outbox().find(r.id()).orElseThrow();
            List<RecordingPlatform.Post> copies = platform.copiesOf(r.text());
            assertThat(stored.isSent())
                    .as("%s of %s sent (not lost)", r.id(), step)
                    .isTrue();
            assertThat(copies).as("%s published exactly once", r.id()).hasSize(1);
            assertThat(stored.platformMessageId())
                    .as("%s recorded with the id of its copy", r.id())
                    .contains(copies.get(0).id());
        }
        assertThat(platform.posts()).hasSize(REPLIES);
    }

    private static boolean allSent(CareStorage storage, List<Reply> replies) {
        return replies.stream()
                .allMatch(r -> storage.outbox().find(r.id()).map(Reply::isSent).orElse(false));
    }

    private static List<Reply> queueReplies(CareDesk desk) {
        List<Reply> out = new ArrayList<>();
        for (int i = 0; i < REPLIES; i++) {
            ConversationId c = desk.ingest(Batch.of(List.of(TestData.inbound(
                            TestData.TWITTER_CARE,
                            TestData.customer(),
                            "@BankCare my transfer number " + i + " is missing",
                            TestData.T0.plusSeconds(i)))))
                    .touched()
                    .get(0);
            desk.claim(c, TestData.AGENT_ANNA);
            out.add(desk.reply(c, TestData.AGENT_ANNA, "We are checking transfer number " + i + " now ^AA"));
        }
        return out;
    }

    private static CareDesk desk(CareStorage storage, MutableClock clock, ChannelPublisher publisher) {
        return CareDesk.builder()
                .clock(clock)
                .storage(storage)
                .team(Team.of(TestData.CARE_TEAM.value(), "Care"))
                .agent(Agent.of(TestData.AGENT_ANNA.value(), "Anna Alder", "AA", TestData.CARE_TEAM))
                .channel(TestData.TWITTER_CARE)
                .publisher(publisher)
                .build();
    }

    private static CareStorage withOutbox(CareStorage s, Outbox outbox) {
        return s.withOutbox(outbox);
    }

    /** An outbox that fails at one publishing step of one entry; once "dead", every write of its desk fails. */
    private static final class FaultyOutbox implements Outbox {
        private final Outbox inner;
        private final AtomicBoolean dead;
        private final AtomicInteger injected = new AtomicInteger();
        private volatile Optional<ReplyId> blip = Optional.empty();
        private volatile Optional<ReplyId> dieAfterAttempt = Optional.empty();
        private volatile Optional<ReplyId> dieBeforeSent = Optional.empty();

        FaultyOutbox(Outbox inner, AtomicBoolean dead) {
            this.inner = inner;
            this.dead = dead;
        }

        void blipAttemptOf(ReplyId id) {
            blip = Optional.of(id);
        }

        void dieAfterAttemptOf(ReplyId id) {
            dieAfterAttempt = Optional.of(id);
        }

        void dieBeforeSentOf(ReplyId id) {
            dieBeforeSent = Optional.of(id);
        }

        private void alive() {
            if (dead.get()) {
                throw new FaultyStorage.Crash("(this desk is stopped)");
            }
        }

        @Override
        public boolean updateClaimed(OutboxClaim claim, Reply reply, Optional<Instant> leaseUntil) {
            alive();
            ReplyId id = reply.id();
            if (!reply.isSent() && blip.equals(Optional.of(id))) {
                blip = Optional.empty();
                injected.incrementAndGet();
                throw new FaultyStorage.Crash("while recording the attempt of " + id);
            }
            if (reply.isSent() && dieBeforeSent.equals(Optional.of(id))) {
                dieBeforeSent = Optional.empty();
                injected.incrementAndGet();
                dead.set(true);
                throw new FaultyStorage.Crash("after publishing " + id + ", before marking it sent");
            }
            boolean written = inner.updateClaimed(claim, reply, leaseUntil);
            if (!reply.isSent() && dieAfterAttempt.equals(Optional.of(id))) {
                dieAfterAttempt = Optional.empty();
                injected.incrementAndGet();
                dead.set(true); // the attempt is recorded; the desk dies before the platform call
            }
            return written;
        }

        @Override
        public void enqueue(Reply reply) {
            alive();
            inner.enqueue(reply);
        }

        @Override
        public List<OutboxClaim> claim(Instant now, int limit, Duration lease) {
            alive();
            return inner.claim(now, limit, lease);
        }

        @Override
        public void update(Reply reply) {
            alive();
            inner.update(reply);
        }

        @Override
        public Optional<Reply> find(ReplyId id) {
            alive();
            return inner.find(id);
        }

        @Override
        public List<Reply> findByConversation(ConversationId conversation) {
            alive();
            return inner.findByConversation(conversation);
        }

        @Override
        public Optional<Reply> findByPlatformMessageId(ChannelId channel, String platformMessageId) {
            alive();
            return inner.findByPlatformMessageId(channel, platformMessageId);
        }

        @Override
        public List<Reply> queued(ChannelId channel) {
            alive();
            return inner.queued(channel);
        }

        @Override
        public Counts count(ChannelId channel) {
            alive();
            return inner.count(channel);
        }

        @Override
        public Optional<Reply> oldestQueued(ChannelId channel) {
            alive();
            return inner.oldestQueued(channel);
        }

        @Override
        public List<Reply> failed(Optional<ReplyId> after, int limit) {
            alive();
            return inner.failed(after, limit);
        }
    }

    /**
     * A platform that keeps what it publishes and answers lookups from it, as the real adapters look through the
     * account's own replies: same target (or recipient) and the same text ({@link EchoText}). It can lose the
     * answer to one publish (stores it, then throws UNKNOWN). Thread-safe.
     */
    private static final class RecordingPlatform {
        record Post(String id, String target, String text) {}

        private final List<Post> posts = new ArrayList<>();
        private final AtomicInteger lost = new AtomicInteger();
        private volatile Optional<String> loseAnswerFor = Optional.empty();

        void loseAnswerFor(String text) {
            loseAnswerFor = Optional.of(text);
        }

        synchronized List<Post> posts() {
            return List.copyOf(posts);
        }

        synchronized List<Post> copiesOf(String text) {
            return posts.stream().filter(p -> p.text().equals(text)).toList();
        }

        private static String target(Reply r) {
            return r.target().or(r::recipient).orElse("");
        }

        /** The platform as one desk reaches it: nothing gets through once that desk is stopped. */
        ChannelPublisher asSeenBy(AtomicBoolean dead) {
            return new ChannelPublisher() {
                @Override
                public Platform platform() {
                    return Platform.TWITTER;
                }

                @Override
                public Optional<String> publish(Channel channel, Reply reply) {
                    if (dead.get()) {
                        throw new FaultyStorage.Crash("(this desk is stopped; nothing reaches the platform)");
                    }
                    String id;
                    synchronized (RecordingPlatform.this) {
                        id = "p" + (posts.size() + 1);
                        posts.add(new Post(id, target(reply), reply.text()));
                    }
                    if (loseAnswerFor.equals(Optional.of(reply.text()))) {
                        loseAnswerFor = Optional.empty();
                        lost.incrementAndGet();
                        throw PlatformException.of(
                                PlatformException.Kind.UNKNOWN, "read timed out after the request was sent", null);
                    }
                    return Optional.of(id);
                }

                @Override
                public PublishedLookup findPublished(Channel channel, Reply reply) {
                    if (dead.get()) {
                        throw new FaultyStorage.Crash("(this desk is stopped)");
                    }
                    synchronized (RecordingPlatform.this) {
                        return posts.stream()
                                .filter(p ->
                                        p.target().equals(target(reply)) && EchoText.sameText(reply.text(), p.text()))
                                .findFirst()
                                .map(p -> PublishedLookup.found(p.id()))
                                .orElse(PublishedLookup.notFound());
                    }
                }
            };
        }
    }
}
