package org.socialcare.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.RejectedPayload;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.escalation.EscalationPolicy;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.testkit.MutableClock;
import org.socialcare.testkit.TestData;

class CareEventMetersTest {
    private static final ChannelId TWITTER = TestData.TWITTER_CARE.id();

    private final MutableClock clock = new MutableClock(TestData.T0);
    private final Agent anna = Agent.of("agent-anna", "Anna Novak", "AN", TestData.CARE_TEAM);
    private final List<RuntimeException> failures = new ArrayList<>();
    private final CareStorage storage = InMemoryStorage.create();
    private final CareEventMeters meters = CareEventMeters.builder()
            .outbox(storage.outbox(), List.of(TWITTER))
            .refresh(Duration.ZERO)
            .build();
    private final CareDesk desk = CareDesk.builder()
            .clock(clock)
            .storage(storage)
            .team(Team.of("care-team", "Social care"))
            .channel(TestData.TWITTER_CARE)
            .agent(anna)
            .publisher(new Publisher())
            .escalation(EscalationPolicy.parse("rule forgotten when unanswered 2h then notify"))
            .listener(meters)
            .build();
    private final MeterRegistry registry = new SimpleMeterRegistry();

    /** Publishes on Twitter; scripted failures are thrown first. */
    private final class Publisher implements ChannelPublisher {
        private final AtomicInteger ids = new AtomicInteger(7000);

        @Override
        public Platform platform() {
            return Platform.TWITTER;
        }

        @Override
        public Optional<String> publish(Channel channel, Reply reply) {
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
            return Optional.of(String.valueOf(ids.incrementAndGet()));
        }
    }

    private ConversationId customerWrites(String text) {
        return desk.ingest(Batch.of(
                        List.of(TestData.inbound(TestData.TWITTER_CARE, TestData.customer(), text, clock.instant()))))
                .touched()
                .get(0);
    }

    private double counter(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    @Test
    void countsAndTimesAConversationFromMessageToResolution() {
        meters.bindTo(registry);
        ConversationId id = customerWrites("@BankCare my card was charged twice, this is unacceptable");
        customerWrites("@BankCare how do I activate my new card?");
        String category = desk.conversation(id).orElseThrow().category().name().toLowerCase();
        desk.claim(id, anna.id());
        clock.advance(Duration.ofMinutes(4));
        desk.reply(id, anna.id(), "Sorry, we are on it ^AN");
        clock.advance(Duration.ofSeconds(90));
        desk.dispatchOutbox();
        clock.advance(Duration.ofMinutes(20));
        desk.resolve(id, anna.id());

        assertThat(registry.find("care.messages.received").counters().stream()
                        .mapToDouble(c -> c.count())
                        .sum())
                .isEqualTo(2);
        assertThat(counter("care.messages.received", "channel", "twitter-care", "category", category))
                .isGreaterThanOrEqualTo(1);
        Timer firstResponse =
                registry.get("care.first.response").tags("team", "care-team").timer();
        assertThat(firstResponse.count()).isEqualTo(1);
        assertThat(firstResponse.totalTime(TimeUnit.SECONDS)).isEqualTo(240);
        assertThat(firstResponse.takeSnapshot().percentileValues())
                .extracting(ValueAtPercentile::percentile)
                .containsExactly(0.5, 0.9, 0.99);
        assertThat(firstResponse.takeSnapshot().percentileValues()[0].value(TimeUnit.SECONDS))
                .isCloseTo(240, org.assertj.core.data.Percentage.withPercentage(5));
        Timer handle =
                registry.get("care.handle.time").tags("team", "care-team").timer();
        assertThat(handle.count()).isEqualTo(1);
        assertThat(handle.totalTime(TimeUnit.SECONDS)).isEqualTo(4 * 60 + 90 + 20 * 60);
        assertThat(counter("care.replies.published", "channel", "twitter-care")).isEqualTo(1);
        Timer latency = registry.get("care.publish.latency")
                .tags("channel", "twitter-care")
                .timer();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.totalTime(TimeUnit.SECONDS)).isEqualTo(90);
        assertThat(gauge("care.outbox.pending", "channel", "twitter-care")).isZero();
    }

    @Test
    void outboxGaugesFollowHeldAndFailedRepliesAndTheCountersAgree() {
        meters.bindTo(registry);
        ConversationId first = customerWrites("@BankCare card blocked");
        ConversationId second = customerWrites("@BankCare app down?");
        desk.claim(first, anna.id());
        desk.claim(second, anna.id());
        desk.reply(first, anna.id(), "Looking into it ^AN");
        desk.reply(second, anna.id(), "Checking the app status ^AN");
        assertThat(gauge("care.outbox.pending", "channel", "twitter-care")).isEqualTo(2);

        failures.add(PlatformException.of(PlatformException.Kind.PERMISSION, "not allowed", "403"));
        failures.add(PlatformException.of(PlatformException.Kind.TRANSIENT, "HTTP 503", "503"));
        desk.dispatchOutbox();

        assertThat(gauge("care.outbox.pending", "channel", "twitter-care")).isZero();
        assertThat(gauge("care.outbox.held", "channel", "twitter-care")).isEqualTo(1);
        assertThat(gauge("care.outbox.failed", "channel", "twitter-care")).isEqualTo(1);
        assertThat(counter("care.replies.held", "channel", "twitter-care")).isEqualTo(1);
        assertThat(counter("care.replies.failed", "channel", "twitter-care")).isEqualTo(1);
        assertThat(registry.find("care.replies.published").counters()).isEmpty();
    }

    @Test
    void countsEscalationsDeadLettersAndPausesAndTracksPollLag() {
        meters.bindTo(registry);
        customerWrites("@BankCare anyone there?");
        clock.advance(Duration.ofHours(3));
        desk.sweep();
        desk.ingest(Batch.empty().withRejected(List.of(new RejectedPayload("twitter:mentions", "{oops", "not JSON"))));
        desk.pauseChannel(TWITTER, "suspected hijack", "supervisor-1");
        var old = TestData.inbound(TestData.TWITTER_CARE, TestData.customer(), "@BankCare hi", clock.instant());
        clock.advance(Duration.ofSeconds(42));
        desk.poll(source(Batch.of(List.of(old))));

        assertThat(counter("care.escalations", "rule", "forgotten")).isEqualTo(1);
        assertThat(counter("care.dead.letters", "reason", "rejected_payload")).isEqualTo(1);
        assertThat(counter("care.channel.pauses", "channel", "twitter-care")).isEqualTo(1);
        assertThat(registry.get("care.poll.lag")
                        .tags("source", "twitter:care:mentions")
                        .timeGauge()
                        .value(TimeUnit.SECONDS))
                .isEqualTo(42);

        desk.poll(source(Batch.empty()));
        assertThat(registry.get("care.poll.lag")
                        .tags("source", "twitter:care:mentions")
                        .timeGauge()
                        .value(TimeUnit.SECONDS))
                .isZero();
    }

    @Test
    void tagsCarryNoCustomerIdsOrText() {
        meters.bindTo(registry);
        ConversationId id = customerWrites("@BankCare my card 4111 1111 1111 1111 was charged twice");
        desk.claim(id, anna.id());
        desk.reply(id, anna.id(), "We are on it ^AN");
        desk.dispatchOutbox();
        desk.resolve(id, anna.id());

        List<String> tagValues = registry.getMeters().stream()
                .flatMap(m -> m.getId().getTags().stream())
                .map(t -> t.getValue())
                .distinct()
                .toList();
        assertThat(tagValues).allSatisfy(v -> assertThat(v)
                .doesNotContain(TestData.customer().handle())
                .doesNotContain("4111")
                .doesNotContain(id.value()));
        assertThat(registry.getMeters().stream().map(m -> m.getId().getName()))
                .allMatch(n -> n.matches("care(\\.[a-z]+)+"));
    }

    @Test
    void aPollBeforeBindingIsKeptAndEveryBoundRegistryGetsTheMeters() {
        desk.poll(source(Batch.empty()));
        meters.bindTo(registry);
        MeterRegistry second = new SimpleMeterRegistry();
        meters.bindTo(second);
        customerWrites("@BankCare hello");

        assertThat(registry.get("care.poll.lag")
                        .tags("source", "twitter:care:mentions")
                        .timeGauge())
                .isNotNull();
        assertThat(second.get("care.messages.received").counter().count()).isEqualTo(1);
        assertThat(registry.get("care.messages.received").counter().count()).isEqualTo(1);
    }

    @Test
    void badSettingsAreRejectedByName() {
        assertThatThrownBy(() -> CareEventMeters.builder().outbox(storage.outbox(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channels");
        assertThatThrownBy(() -> CareEventMeters.builder().refresh(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refresh must not be negative but was PT-1S");
    }

    private static ChannelSource source(Batch batch) {
        return new ChannelSource() {
            @Override
            public String sourceId() {
                return "twitter:care:mentions";
            }

            @Override
            public ChannelId channel() {
                return TWITTER;
            }

            @Override
            public Batch poll(Optional<Checkpoint> since) {
                return batch;
            }
        };
    }
}
