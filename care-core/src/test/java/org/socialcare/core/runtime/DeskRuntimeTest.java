package org.socialcare.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.socialcare.core.CareDesk;
import org.socialcare.core.MutableClock;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.error.UnknownChannelException;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.core.port.out.TransactionManager;

class DeskRuntimeTest {
    private static final TeamId CARE = TeamId.of("care");
    private static final Channel TWITTER =
            Channel.of("twitter-care", Platform.TWITTER, "AskBank", "900", ChannelKind.DEDICATED_CARE, CARE);
    private static final Agent ALICE = Agent.of("alice", "Alice Brown", "AB", CARE);

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger polling = (Logger) LoggerFactory.getLogger("org.socialcare.core.runtime.DeskRuntime.polling");
    private DeskRuntime runtime;

    @BeforeEach
    void captureLogs() {
        logs.start();
        polling.addAppender(logs);
    }

    @AfterEach
    void stopRuntime() {
        polling.detachAppender(logs);
        if (runtime != null) {
            runtime.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void startsOnNonDaemonThreadsThatAMainStaysAliveForAndStopsWithinItsBound() throws Exception {
        CountingSource source = new CountingSource("twitter:mentions", () -> false);
        runtime = DeskRuntime.builder(desk(Clock.systemUTC(), InMemoryStorage.create()))
                .source(source, Duration.ofMillis(20))
                .dispatchEvery(Duration.ofMillis(20))
                .build()
                .start();
        awaitTrue(() -> source.polls.get() >= 3, "three polls");

        assertThat(source.pollThreadDaemon.get())
                .as("the polling thread is a daemon")
                .isFalse();
        assertThat(runtimeThreads()).as("the runtime's live threads").isNotEmpty();
        StopResult stop = runtime.stop(Duration.ofSeconds(5));

        assertThat(stop.clean()).as("left: %s", stop.leftInFlight()).isTrue();
        assertThat(stop.took()).isLessThan(Duration.ofSeconds(5));
        assertThat(runtime.state()).isEqualTo(DeskRuntime.State.STOPPED);
        awaitTrue(() -> runtimeThreads().isEmpty(), "every runtime thread ended");
        int polls = source.polls.get();
        Thread.sleep(100);
        assertThat(source.polls.get()).as("polls after the stop").isEqualTo(polls);
    }

    @Test
    void aThrowingSourceIsLoggedWithItsMaskedMessageAndStackTraceWhileTheOthersKeepPolling() {
        CountingSource good = new CountingSource("twitter:mentions", () -> false);
        CountingSource bad = new CountingSource("twitter:dms", () -> {
            throw new IllegalStateException("platform rejected the page for card 4111 1111 1111 1111");
        });
        runtime = DeskRuntime.builder(desk(Clock.systemUTC(), InMemoryStorage.create()))
                .source(bad, Duration.ofMillis(10))
                .source(good, Duration.ofMillis(10))
                .build()
                .start();

        awaitTrue(() -> bad.polls.get() >= 2 && good.polls.get() >= 5, "both sources polled again and again");

        ILoggingEvent event = logs.list.stream()
                .filter(e ->
                        e.getLevel() == Level.WARN && e.getFormattedMessage().contains("twitter:dms"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no WARN about the failing source in " + logs.list));
        assertThat(event.getFormattedMessage())
                .contains("java.lang.IllegalStateException: platform rejected the page for card")
                .doesNotContain("4111 1111 1111 1111");
        assertThat(event.getThrowableProxy()).as("the logged stack trace").isNotNull();
        assertThat(event.getThrowableProxy().getMessage())
                .contains("platform rejected the page")
                .doesNotContain("4111 1111 1111 1111");
        assertThat(List.of(event.getThrowableProxy().getStackTraceElementProxyArray()))
                .as("stack trace of the failure")
                .anySatisfy(frame -> assertThat(frame.getSTEAsString()).contains(CountingSource.class.getName()));
        RuntimeHealth health = runtime.health();
        RuntimeHealth.Source badHealth = health.sources().get(0);
        assertThat(badHealth.sourceId()).isEqualTo("twitter:dms");
        assertThat(badHealth.consecutiveFailures()).isPositive();
        assertThat(badHealth.lastSuccess()).isEmpty();
        assertThat(badHealth.lastError().orElseThrow()).doesNotContain("4111 1111 1111 1111");
        assertThat(health.sources().get(1).lastSuccess()).isPresent();
        assertThat(health.sources().get(1).consecutiveFailures()).isZero();
    }

    @Test
    void workStillInFlightAtTheBoundIsInterruptedAndReportedAsLeft() throws Exception {
        CountDownLatch inPoll = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        CountingSource slow = new CountingSource("twitter:mentions", () -> {
            inPoll.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return false;
        });
        runtime = DeskRuntime.builder(desk(Clock.systemUTC(), InMemoryStorage.create()))
                .source(slow, Duration.ofMillis(10))
                .build()
                .start();
        assertThat(inPoll.await(5, TimeUnit.SECONDS)).isTrue();

        StopResult stop = runtime.stop(Duration.ofMillis(300));

        assertThat(stop.clean()).isFalse();
        assertThat(stop.leftInFlight()).containsExactly("poll: polling pass");
        assertThat(stop.took()).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(5));
        awaitTrue(interrupted::get, "the slow poll was interrupted");
        assertThat(runtime.stop(Duration.ofSeconds(1))).as("a second stop").isSameAs(stop);
    }

    @Test
    void startsOnceAndANeverStartedRuntimeStopsAtOnce() {
        DeskRuntime never = DeskRuntime.builder(desk(Clock.systemUTC(), InMemoryStorage.create()))
                .build();
        assertThat(never.stop(Duration.ofSeconds(1)).clean()).isTrue();
        assertThatThrownBy(never::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STOPPED");

        runtime = DeskRuntime.builder(desk(Clock.systemUTC(), InMemoryStorage.create()))
                .build()
                .start();
        assertThatThrownBy(runtime::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RUNNING");
        assertThatThrownBy(() -> DeskRuntime.builder(desk(Clock.systemUTC(), InMemoryStorage.create()))
                        .dispatchEvery(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dispatchEvery");
    }

    @Test
    void healthReportsTheOutboxLagAsTheAgeOfTheOldestQueuedReplyAndAnUnreachableDatabase() {
        MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
        AtomicBoolean databaseDown = new AtomicBoolean();
        CareStorage memory = InMemoryStorage.create();
        TransactionManager tx = memory.transactions();
        CareStorage storage = new CareStorage(
                memory.conversations(),
                memory.messages(),
                memory.outbox(),
                memory.audit(),
                memory.checkpoints(),
                memory.deadLetters(),
                memory.escalationFirings(),
                memory.channelStates(),
                memory.approvals(),
                new TransactionManager() {
                    @Override
                    public <T> T inTransaction(Supplier<T> work) {
                        if (databaseDown.get()) {
                            throw new IllegalStateException("connection refused to db for jane@example.com");
                        }
                        return tx.inTransaction(work);
                    }
                });
        CareDesk desk = desk(clock, storage);
        DeskRuntime notStarted = DeskRuntime.builder(desk).build();
        assertThat(notStarted.health().outboxLag()).isEmpty();

        desk.ingest(Batch.of(List.of(tweet("t1", "my card was declined"))));
        Conversation c = desk.queue(CARE, 10).get(0);
        desk.claim(c.id(), ALICE.id());
        Reply queued = desk.reply(c.id(), ALICE.id(), "Sorry about that, we will look into it ^AB");
        clock.advance(Duration.ofSeconds(90));

        RuntimeHealth health = notStarted.health();
        assertThat(queued.createdAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(health.outboxLag()).contains(Duration.ofSeconds(90));
        assertThat(health.database().reachable()).isTrue();
        assertThat(health.channels()).extracting(h -> h.channel()).containsExactly(TWITTER.id());
        assertThat(health.state()).isEqualTo(DeskRuntime.State.NEW);
        assertThat(health.healthy()).as("not running").isFalse();

        databaseDown.set(true);
        RuntimeHealth down = notStarted.health();
        assertThat(down.database().reachable()).isFalse();
        assertThat(down.database().error().orElseThrow())
                .contains("connection refused")
                .doesNotContain("jane@example.com");
        assertThat(down.outboxLag()).isEmpty();
    }

    @Test
    void theRuntimeRetriesANoticeTheNotifierRefusedOnceItsBackoffHasPassed() {
        MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
        AtomicInteger refusals = new AtomicInteger(1);
        List<EscalationNotice> delivered = new CopyOnWriteArrayList<>();
        CareDesk desk = CareDesk.builder()
                .clock(clock)
                .team(Team.of("care", "Social care"))
                .channel(TWITTER)
                .agent(ALICE)
                .publisher(new NoPublisher())
                .notifier(n -> {
                    if (refusals.getAndDecrement() > 0) {
                        throw new IllegalStateException("pager down");
                    }
                    delivered.add(n);
                })
                .build();
        desk.ingest(Batch.of(List.of(tweet("t1", "I will sue you"))));
        desk.escalate(desk.queue(CARE, 10).get(0).id(), "agent:alice", "legal threat");
        runtime = DeskRuntime.builder(desk)
                .noticesEvery(Duration.ofMillis(20))
                .build()
                .start();
        assertThat(runtime.health().failingNotices()).singleElement().satisfies(e -> assertThat(e.lastError())
                .hasValueSatisfying(error -> assertThat(error).contains("pager down")));

        clock.advance(Duration.ofSeconds(30));
        awaitTrue(() -> delivered.size() == 1, "the runtime delivered the notice");

        assertThat(runtime.health().failingNotices()).isEmpty();
        assertThat(delivered).singleElement().satisfies(n -> assertThat(n.reason())
                .isEqualTo("legal threat"));
    }

    @Test
    void aSourceAddedWhileRunningIsPolledAndARetiredChannelsSourceRestsUntilTheChannelIsBack() throws Exception {
        CareDesk desk = desk(Clock.systemUTC(), InMemoryStorage.create());
        runtime = DeskRuntime.builder(desk).build().start();
        Channel cards = Channel.of("cards", Platform.TWITTER, "BankCards", "901", ChannelKind.BUSINESS_UNIT, CARE);
        CountingSource source = new CountingSource("cards:mentions", cards.id(), () -> false);
        assertThatThrownBy(() -> runtime.addSource(source, Duration.ofMillis(10)))
                .isInstanceOf(UnknownChannelException.class)
                .hasMessageContaining("unknown channel 'cards'");

        desk.operations().addChannel(cards, Optional.empty(), "kim");
        runtime.addSource(source, Duration.ofMillis(10));
        awaitTrue(() -> source.polls.get() >= 3, "the added source polled");
        assertThat(runtime.health().sources())
                .extracting(RuntimeHealth.Source::sourceId)
                .containsExactly("cards:mentions");
        assertThatThrownBy(() -> runtime.addSource(source, Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source id 'cards:mentions' is registered twice");

        desk.operations().retireChannel(cards.id(), "kim");
        Thread.sleep(50); // a poll that had started may end
        int polls = source.polls.get();
        Thread.sleep(150);
        assertThat(source.polls.get()).as("polls of a retired channel's source").isEqualTo(polls);
        assertThat(runtime.health().sources()).isEmpty();

        desk.operations().addChannel(cards, Optional.empty(), "kim");
        awaitTrue(() -> source.polls.get() > polls, "polled again once the channel is back");
    }

    // ------------------------------------------------------------------ fixtures

    private static CareDesk desk(Clock clock, CareStorage storage) {
        return CareDesk.builder()
                .clock(clock)
                .storage(storage)
                .team(Team.of("care", "Social care"))
                .channel(TWITTER)
                .agent(ALICE)
                .publisher(new NoPublisher())
                .build();
    }

    private static InboundMessage tweet(String id, String text) {
        return InboundMessage.builder(MessageKey.of(Platform.TWITTER, id), TWITTER.id(), Party.of("1001", "anna"))
                .text(text)
                .createdAt(Instant.parse("2026-03-02T08:59:00Z"))
                .build();
    }

    private static List<Thread> runtimeThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("care-runtime-") && t.isAlive())
                .toList();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A source with nothing new; runs {@code onPoll} in each poll (which may throw or block). */
    private static final class CountingSource implements ChannelSource {
        final String id;
        final ChannelId channel;
        final Supplier<Boolean> onPoll;
        final AtomicInteger polls = new AtomicInteger();
        final AtomicReference<Boolean> pollThreadDaemon = new AtomicReference<>();

        CountingSource(String id, Supplier<Boolean> onPoll) {
            this(id, TWITTER.id(), onPoll);
        }

        CountingSource(String id, ChannelId channel, Supplier<Boolean> onPoll) {
            this.id = id;
            this.channel = channel;
            this.onPoll = onPoll;
        }

        @Override
        public String sourceId() {
            return id;
        }

        @Override
        public ChannelId channel() {
            return channel;
        }

        @Override
        public Batch poll(Optional<Checkpoint> since) {
            pollThreadDaemon.set(Thread.currentThread().isDaemon());
            polls.incrementAndGet();
            onPoll.get();
            return Batch.empty();
        }
    }

    /** Publishes nothing (the tests that use it never let the outbox be dispatched for real). */
    private static final class NoPublisher implements ChannelPublisher {
        @Override
        public Platform platform() {
            return Platform.TWITTER;
        }

        @Override
        public Optional<String> publish(Channel channel, Reply reply) {
            return Optional.of("p-" + reply.id().value());
        }
    }
}
