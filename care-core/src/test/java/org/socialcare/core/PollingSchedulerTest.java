package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.HealthState;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.port.out.ChannelSource;

class PollingSchedulerTest {
    private final DeskFixture f = new DeskFixture(
            b -> b.channel(Channel.of("fb-page", Platform.FACEBOOK, "Bank", "p1", ChannelKind.BRAND, DeskFixture.CARE))
                    .publisher(TestPublisher.on(Platform.FACEBOOK)));

    /** A source with {@code backlog} pages of one message each; pages come one per poll. */
    private final class PagedSource implements ChannelSource {
        final String id;
        final ChannelId channel;
        final Platform platform;
        int backlog;
        final List<Optional<Checkpoint>> seen = new ArrayList<>();
        final List<RuntimeException> failures = new ArrayList<>();
        final AtomicInteger next = new AtomicInteger();

        PagedSource(String id, ChannelId channel, Platform platform, int backlog) {
            this.id = id;
            this.channel = channel;
            this.platform = platform;
            this.backlog = backlog;
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
            seen.add(since);
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
            if (backlog == 0) {
                return Batch.empty();
            }
            backlog--;
            String mid = id + "-" + next.incrementAndGet();
            InboundMessage m = InboundMessage.builder(MessageKey.of(platform, mid), channel, Party.of("u-" + mid, "u"))
                    .text("x")
                    .createdAt(f.clock.instant())
                    .build();
            return Batch.of(List.of(m)).withCheckpoint(new Checkpoint(id, mid)).withHasMore(backlog > 0);
        }
    }

    @Test
    void backlogOnOneChannelNeverStarvesTheOthers() {
        PagedSource busy = new PagedSource("busy", DeskFixture.TWITTER_CARE, Platform.TWITTER, 100);
        PagedSource quiet = new PagedSource("quiet", ChannelId.of("fb-page"), Platform.FACEBOOK, 0);
        PollingScheduler s = PollingScheduler.builder(f.desk)
                .source(busy, Duration.ofSeconds(30))
                .source(quiet, Duration.ofSeconds(30))
                .build();

        // time stands still: the busy source is due again at once, the quiet one only after 30 s
        for (int i = 0; i < 10; i++) {
            s.runDuePass();
        }
        assertThat(s.pollCount("busy")).isEqualTo(10);
        assertThat(s.pollCount("quiet")).isEqualTo(1);

        f.advance(Duration.ofSeconds(30));
        s.runDuePass();
        // the quiet channel got its turn in the very next pass, despite 89 pages waiting elsewhere
        assertThat(s.pollCount("quiet")).isEqualTo(2);
        assertThat(s.pollCount("busy")).isEqualTo(11);
    }

    @Test
    void eachPollStartsFromTheStoredCheckpoint() {
        PagedSource src = new PagedSource("src", DeskFixture.TWITTER_CARE, Platform.TWITTER, 2);
        PollingScheduler s = PollingScheduler.builder(f.desk)
                .source(src, Duration.ofSeconds(30))
                .build();
        s.runDuePass();
        s.runDuePass();
        assertThat(src.seen).containsExactly(Optional.empty(), Optional.of(new Checkpoint("src", "src-1")));
    }

    @Test
    void rateLimitedSourceWaitsUntilTheResetTimeWithoutBusyPolling() {
        PagedSource src = new PagedSource("src", DeskFixture.TWITTER_CARE, Platform.TWITTER, 1);
        Instant reset = f.clock.instant().plusSeconds(900);
        src.failures.add(PlatformException.rateLimited("Rate limit exceeded", reset, "88"));
        PollingScheduler s = PollingScheduler.builder(f.desk)
                .source(src, Duration.ofSeconds(30))
                .build();
        s.runDuePass();
        assertThat(s.nextDue()).contains(reset);
        assertThat(f.desk.health(DeskFixture.TWITTER_CARE).state()).isEqualTo(HealthState.DEGRADED);
        f.advance(Duration.ofSeconds(899));
        s.runDuePass();
        assertThat(s.pollCount("src")).isEqualTo(1);
        f.advance(Duration.ofSeconds(1));
        assertThat(s.runDuePass().stored()).isEqualTo(1);
        assertThat(f.desk.health(DeskFixture.TWITTER_CARE).state()).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void failingSourceBacksOffAndDoesNotStopOthers() {
        PagedSource broken = new PagedSource("broken", DeskFixture.TWITTER_CARE, Platform.TWITTER, 0);
        broken.failures.add(new IllegalStateException("boom"));
        broken.failures.add(new IllegalStateException("boom"));
        PagedSource ok = new PagedSource("ok", ChannelId.of("fb-page"), Platform.FACEBOOK, 1);
        PollingScheduler s = PollingScheduler.builder(f.desk)
                .source(broken, Duration.ofSeconds(10))
                .source(ok, Duration.ofSeconds(10))
                .build();
        assertThat(s.runDuePass().stored()).isEqualTo(1);
        f.advance(Duration.ofSeconds(10));
        s.runDuePass();
        // second failure: next try after 2 intervals
        assertThat(s.pollCount("broken")).isEqualTo(2);
        f.advance(Duration.ofSeconds(10));
        s.runDuePass();
        assertThat(s.pollCount("broken")).isEqualTo(2);
        assertThat(s.pollCount("ok")).isEqualTo(3);
    }

    @Test
    void backgroundThreadPollsAndStops() throws Exception {
        DeskFixture real = new DeskFixture(b -> b.clock(java.time.Clock.systemUTC()));
        PagedSource src = new PagedSource("bg", DeskFixture.TWITTER_CARE, Platform.TWITTER, 3);
        try (PollingScheduler s = PollingScheduler.builder(real.desk)
                .source(src, Duration.ofMillis(20))
                .build()) {
            s.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (s.pollCount("bg") < 4 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(s.pollCount("bg")).isGreaterThanOrEqualTo(4);
        }
        assertThat(real.desk.queue(DeskFixture.CARE, 10)).hasSize(3);
    }

    @Test
    void aReadRateLimitDoesNotHoldBackRepliesAndAReadDoesNotLiftAPublishingLimit() {
        PagedSource src = new PagedSource("src", DeskFixture.TWITTER_CARE, Platform.TWITTER, 1);
        PollingScheduler s = PollingScheduler.builder(f.desk)
                .source(src, Duration.ofSeconds(30))
                .build();
        s.runDuePass();
        org.socialcare.core.domain.ConversationId id =
                f.desk.queue(DeskFixture.CARE, 1).get(0).id();
        f.desk.claim(id, f.alice.id());
        f.desk.reply(id, f.alice.id(), "Looking into it ^AB");

        // the mentions endpoint is rate limited: replies still go out
        src.failures.add(PlatformException.rateLimited(
                "Rate limit exceeded", f.clock.instant().plusSeconds(900), "88"));
        f.advance(Duration.ofSeconds(30));
        s.runDuePass();
        assertThat(f.desk.health(DeskFixture.TWITTER_CARE).state()).isEqualTo(HealthState.DEGRADED);
        assertThat(f.desk.dispatchOutbox().sent()).isEqualTo(1);

        // publishing is rate limited: a successful read does not lift it
        f.desk.reply(id, f.alice.id(), "Still on it ^AB");
        Instant publishReset = f.clock.instant().plusSeconds(600);
        f.publisher.failures.add(PlatformException.rateLimited("Rate limit exceeded", publishReset, "88"));
        assertThat(f.desk.dispatchOutbox().held()).isEqualTo(1);
        f.advance(Duration.ofSeconds(60));
        f.desk.reply(id, f.alice.id(), "One more thing ^AB");
        f.desk.poll(src);
        assertThat(f.desk.health(DeskFixture.TWITTER_CARE).state()).isEqualTo(HealthState.HEALTHY);
        assertThat(f.desk.dispatchOutbox().held())
                .as("the new reply waits for the publishing reset")
                .isEqualTo(1);
        f.clock.set(publishReset);
        assertThat(f.desk.dispatchOutbox().sent()).isEqualTo(2);
    }
}
