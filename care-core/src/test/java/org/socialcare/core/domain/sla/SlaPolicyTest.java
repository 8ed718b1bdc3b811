package org.socialcare.core.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialcare.core.OpsFixtures.conversation;
import static org.socialcare.core.OpsFixtures.tweet;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Direction;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.Visibility;

class SlaPolicyTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ChannelId CARE = ChannelId.of("askbank");
    static final ChannelId BRAND = ChannelId.of("bank");
    static final AgentId AGENT = AgentId.of("ab");

    static Instant london(String t) {
        return LocalDateTime.parse(t).atZone(LONDON).toInstant();
    }

    static BusinessCalendar officeHours() {
        return BusinessCalendar.builder(LONDON)
                .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
                .build();
    }

    /** 24/7 care account with 30/60-minute targets, a brand account on office hours with 4 hours, urgent in 15 minutes. */
    static SlaPolicy bankPolicy() {
        return SlaPolicy.builder()
                .defaults(SlaTargets.of(Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofHours(24)))
                .targets(
                        Priority.URGENT,
                        SlaTargets.of(Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofHours(4)))
                .targets(BRAND, SlaTargets.of(Duration.ofHours(4), Duration.ofHours(4)))
                .calendar(BRAND, officeHours())
                .atRiskFraction(0.8)
                .build();
    }

    @Test
    void targetsResolveFromMostSpecificToDefaults() {
        SlaPolicy policy = SlaPolicy.builder()
                .defaults(SlaTargets.of(Duration.ofMinutes(60), Duration.ofMinutes(60)))
                .targets(Priority.URGENT, SlaTargets.of(Duration.ofMinutes(10), Duration.ofMinutes(10)))
                .targets(BRAND, SlaTargets.of(Duration.ofHours(4), Duration.ofHours(4)))
                .targets(BRAND, Priority.URGENT, SlaTargets.of(Duration.ofHours(1), Duration.ofHours(1)))
                .build();
        assertThat(policy.targetsFor(CARE, Priority.NORMAL).firstResponse()).isEqualTo(Duration.ofMinutes(60));
        assertThat(policy.targetsFor(CARE, Priority.URGENT).firstResponse()).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.targetsFor(BRAND, Priority.NORMAL).firstResponse()).isEqualTo(Duration.ofHours(4));
        assertThat(policy.targetsFor(BRAND, Priority.URGENT).firstResponse()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void firstResponseClockRunsFromTheCustomersTweet() {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        Conversation c = conversation("c1", "askbank", "u1", at);
        SlaClock clock = bankPolicy().clocks(c).response().orElseThrow();
        assertThat(clock.kind()).isEqualTo(SlaClock.Kind.FIRST_RESPONSE);
        assertThat(clock.atRiskAt()).isEqualTo(at.plus(Duration.ofMinutes(24)));
        assertThat(clock.dueAt()).isEqualTo(at.plus(Duration.ofMinutes(30)));
        assertThat(clock.statusAt(at.plus(Duration.ofMinutes(23)))).isEqualTo(SlaStatus.ON_TRACK);
        assertThat(clock.statusAt(at.plus(Duration.ofMinutes(24)))).isEqualTo(SlaStatus.AT_RISK);
        assertThat(clock.statusAt(at.plus(Duration.ofMinutes(30)))).isEqualTo(SlaStatus.BREACHED);
    }

    @Test
    void urgentConversationGetsTheShorterTarget() {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        Conversation fraud = conversation("c1", "askbank", "u1", at).withPriority(Priority.URGENT);
        assertThat(bankPolicy().clocks(fraud).response().orElseThrow().dueAt())
                .isEqualTo(at.plus(Duration.ofMinutes(15)));
    }

    @Test
    void brandAccountCountsOfficeHoursOnly() {
        // Friday 16:00 on the brand account: 1 hour left on Friday, 3 hours on Monday.
        Conversation c = conversation("c1", "bank", "u1", london("2026-11-27T16:00"));
        assertThat(bankPolicy().clocks(c).response().orElseThrow().dueAt()).isEqualTo(london("2026-11-30T12:00"));
    }

    @Test
    void responseClockStopsWhileWaitingForTheCustomerAndNextResponseTargetAppliesAfter() {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        Conversation c = conversation("c1", "askbank", "u1", at)
                .assignTo(TeamId.of("care"), Optional.of(AGENT))
                .claim(AGENT);
        Conversation answered = c.agentReplied(AGENT, Visibility.PUBLIC, at.plus(Duration.ofMinutes(5)));
        SlaClocks paused = bankPolicy().clocks(answered);
        assertThat(paused.response()).isEmpty();
        assertThat(paused.resolution())
                .as("resolution clock pauses while PENDING_CUSTOMER")
                .isEmpty();
        assertThat(paused.statusAt(at.plus(Duration.ofDays(3)))).isEqualTo(SlaStatus.ON_TRACK);

        Instant again = at.plus(Duration.ofHours(2));
        Conversation wroteAgain = answered.customerWrote(tweet("m2", "askbank", "u1", "still waiting", again));
        SlaClock next = bankPolicy().clocks(wroteAgain).response().orElseThrow();
        assertThat(next.kind()).isEqualTo(SlaClock.Kind.NEXT_RESPONSE);
        assertThat(next.dueAt()).isEqualTo(again.plus(Duration.ofMinutes(60)));
    }

    @Test
    void resolutionClockIsExtendedByTimeSpentWaitingForTheCustomer() {
        Instant opened = Instant.parse("2026-11-25T10:00:00Z");
        ConversationId id = ConversationId.of("c1");
        List<StoredMessage> thread = List.of(
                message(id, "m1", Direction.INBOUND, opened),
                message(id, "r1", Direction.OUTBOUND, opened.plus(Duration.ofMinutes(10))),
                message(id, "r2", Direction.OUTBOUND, opened.plus(Duration.ofMinutes(11))),
                message(
                        id,
                        "m2",
                        Direction.INBOUND,
                        opened.plus(Duration.ofHours(3).plusMinutes(10))));
        Duration paused = SlaPolicy.pausedTime(thread, BusinessCalendar.alwaysOpen());
        assertThat(paused).isEqualTo(Duration.ofHours(3));
        Conversation c = conversation("c1", "askbank", "u1", opened);
        assertThat(bankPolicy().clocks(c, paused).resolution().orElseThrow().dueAt())
                .isEqualTo(opened.plus(Duration.ofHours(27)));
    }

    @Test
    void scheduleWritesTheAtRiskCheckpointThenTheBreachThenNothing() {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        SlaPolicy policy = SlaPolicy.wallClock(Duration.ofMinutes(60));
        Conversation c = conversation("c1", "askbank", "u1", at);
        SlaClocks clocks = policy.clocks(c);

        assertThat(policy.schedule(c, clocks, at, Optional.empty()).responseDueAt())
                .contains(at.plus(Duration.ofMinutes(45)));
        assertThat(policy.schedule(c, clocks, at.plus(Duration.ofMinutes(45)), Optional.empty())
                        .responseDueAt())
                .contains(at.plus(Duration.ofMinutes(60)));
        assertThat(policy.schedule(c, clocks, at.plus(Duration.ofMinutes(60)), Optional.empty())
                        .responseDueAt())
                .isEmpty();
        assertThat(policy.schedule(c, clocks, at, Optional.of(at.plus(Duration.ofMinutes(20))))
                        .responseDueAt())
                .as("an earlier time-based rule check wins")
                .contains(at.plus(Duration.ofMinutes(20)));
        assertThat(policy.schedule(
                                c,
                                clocks,
                                at.plus(Duration.ofMinutes(30)),
                                Optional.of(at.plus(Duration.ofMinutes(20))))
                        .responseDueAt())
                .as("a past rule check is ignored")
                .contains(at.plus(Duration.ofMinutes(45)));
    }

    @Test
    void resolvedConversationHasNoClocks() {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        Conversation resolved = conversation("c1", "askbank", "u1", at).resolve(at.plusSeconds(60));
        assertThat(bankPolicy().clocks(resolved)).isEqualTo(SlaClocks.none());
    }

    @Test
    void rejectsFractionOutsideUnitInterval() {
        assertThatThrownBy(() -> SlaPolicy.builder().atRiskFraction(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("atRiskFraction")
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> SlaTargets.of(Duration.ZERO, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("firstResponse");
    }

    private static StoredMessage message(ConversationId c, String id, Direction d, Instant at) {
        return new StoredMessage(
                MessageKey.of(Platform.TWITTER, id),
                c,
                CARE,
                d,
                d == Direction.INBOUND ? "u1" : "bank",
                "@x",
                "text",
                Visibility.PUBLIC,
                Optional.empty(),
                at);
    }
}
