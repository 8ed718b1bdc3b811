package org.socialcare.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Team;
import org.socialcare.testkit.MutableClock;
import org.socialcare.testkit.RecordingPublisher;
import org.socialcare.testkit.TestData;

class CareMeterBinderTest {
    private final MutableClock clock = new MutableClock(TestData.T0);
    private final Agent anna = Agent.of("agent-anna", "Anna Novak", "AN", TestData.CARE_TEAM);
    private final CareDesk desk = CareDesk.builder()
            .clock(clock)
            .team(Team.of("care-team", "Social care"))
            .channel(TestData.TWITTER_CARE)
            .publishers(RecordingPublisher.twitterAndFacebook())
            .agent(anna)
            .build();
    private final MeterRegistry registry = new SimpleMeterRegistry();

    private ConversationId customerWrites(String text) {
        return desk.ingest(Batch.of(
                        List.of(TestData.inbound(TestData.TWITTER_CARE, TestData.customer(), text, clock.instant()))))
                .touched()
                .get(0);
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    @Test
    void publishesOpenedRespondedFirstResponseAndQueueDepthWithBoundedTags() {
        ConversationId answered = customerWrites("@BankCare my card is blocked");
        customerWrites("@BankCare 40 minutes on hold");
        desk.claim(answered, anna.id());
        clock.advance(Duration.ofMinutes(4));
        desk.reply(answered, anna.id(), "Sorry, we are on it ^AN");
        CareMeterBinder.builder(desk).refresh(Duration.ZERO).build().bindTo(registry);

        assertThat(gauge("care.conversations.opened", "channel", "twitter-care"))
                .isEqualTo(2);
        assertThat(gauge("care.conversations.responded", "channel", "twitter-care"))
                .isEqualTo(1);
        assertThat(registry.get("care.first.response.time")
                        .tags("channel", "twitter-care", "quantile", "0.5")
                        .timeGauge()
                        .value(TimeUnit.SECONDS))
                .isEqualTo(240);
        assertThat(gauge("care.queue.depth", "team", "care-team")).isEqualTo(2);
        assertThat(gauge("care.sla.first.response", "channel", "twitter-care", "outcome", "met"))
                .isEqualTo(1);
        assertThat(gauge("care.approvals.pending")).isZero();
        assertThat(registry.find("care.channel.health").gauges()).hasSize(4);
    }

    @Test
    void channelHealthFollowsTheKillSwitch() {
        CareMeterBinder.builder(desk).refresh(Duration.ZERO).build().bindTo(registry);
        assertThat(gauge("care.channel.health", "channel", "twitter-care", "state", "healthy"))
                .isEqualTo(1);

        desk.pauseChannel(TestData.TWITTER_CARE.id(), "suspicious replies");

        assertThat(gauge("care.channel.health", "channel", "twitter-care", "state", "healthy"))
                .isZero();
        assertThat(gauge("care.channel.health", "channel", "twitter-care", "state", "paused"))
                .isEqualTo(1);
        assertThat(gauge("care.channel.paused", "channel", "twitter-care", "platform", "twitter"))
                .isEqualTo(1);
    }

    @Test
    void aReportIsReusedWithinTheRefreshInterval() {
        CareMeterBinder.builder(desk).refresh(Duration.ofSeconds(30)).build().bindTo(registry);
        assertThat(gauge("care.conversations.opened", "channel", "twitter-care"))
                .isZero();

        customerWrites("@BankCare hello?");
        assertThat(gauge("care.conversations.opened", "channel", "twitter-care"))
                .isZero();

        clock.advance(Duration.ofSeconds(30));
        assertThat(gauge("care.conversations.opened", "channel", "twitter-care"))
                .isEqualTo(1);
    }

    @Test
    void badSettingsAreRejectedByName() {
        assertThatThrownBy(() -> CareMeterBinder.builder(desk).window(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window");
        assertThatThrownBy(() -> CareMeterBinder.builder(desk).refresh(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refresh must not be negative but was PT-1S");
    }
}
