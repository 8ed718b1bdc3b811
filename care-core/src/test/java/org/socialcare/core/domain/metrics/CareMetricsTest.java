package org.socialcare.core.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.MutableClock;
import org.socialcare.core.OpsFixtures;
import org.socialcare.core.TestPublisher;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;

class CareMetricsTest {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final TeamId CARE = TeamId.of("care");
    static final TeamId CARDS = TeamId.of("cards");
    static final Channel ASK_BANK =
            Channel.of("askbank", Platform.TWITTER, "AskBank", "1", ChannelKind.DEDICATED_CARE, CARE);
    static final Channel ASK_CARDS = Channel.of(
                    "askcards", Platform.TWITTER, "AskBankCards", "2", ChannelKind.BUSINESS_UNIT, CARDS)
            .withBusinessUnit("cards");
    static final Channel BRAND = Channel.of("bank", Platform.FACEBOOK, "Bank", "3", ChannelKind.BRAND, CARE);
    static final AgentId AB = AgentId.of("ab");
    static final AgentId CD = AgentId.of("cd");

    final MutableClock clock = new MutableClock(T0);
    final AtomicInteger ids = new AtomicInteger();
    final CareDesk desk = CareDesk.builder()
            .clock(clock)
            .ids(() -> "c" + ids.incrementAndGet())
            .team(Team.of("care", "Care"))
            .team(Team.of("cards", "Cards"))
            .channel(ASK_BANK)
            .channel(ASK_CARDS)
            .channel(BRAND)
            .publishers(TestPublisher.twitterAndFacebook())
            .agent(Agent.of("ab", "Alice Brown", "AB", CARE))
            .agent(Agent.of("cd", "Carl Dunn", "CD", CARDS))
            .build();

    ConversationId tweetAt(String minute, Channel channel, String user) {
        clock.set(Instant.parse("2026-11-25T" + minute + ":00Z"));
        return desk.ingest(Batch.of(List.of(
                        OpsFixtures.tweet("t-" + user, channel.id().value(), user, "help please", clock.instant()))))
                .touched()
                .get(0);
    }

    void replyAt(String minute, ConversationId id, AgentId agent) {
        clock.set(Instant.parse("2026-11-25T" + minute + ":00Z"));
        desk.claim(id, agent);
        desk.reply(id, agent, "We're looking into it");
    }

    CareMetrics metrics() {
        return CareMetrics.of(
                desk.storage().conversations(), desk.slaPolicy(), desk.channels(), desk.teams(), desk.agents(), clock);
    }

    @Test
    void morningOfTheCareDesk() {
        ConversationId c1 = tweetAt("09:00", ASK_BANK, "u1");
        ConversationId c2 = tweetAt("09:05", ASK_BANK, "u2");
        ConversationId c3 = tweetAt("09:20", ASK_CARDS, "u3");
        ConversationId c4 = tweetAt("09:30", ASK_CARDS, "u4");
        replyAt("09:10", c1, AB); // 10 minutes: met
        replyAt("09:50", c3, CD); // 30 minutes: met
        clock.set(Instant.parse("2026-11-25T10:00:00Z"));
        desk.claim(c4, CD); // claimed, never answered: missed at 10:30
        replyAt("10:35", c2, AB); // 90 minutes: missed
        clock.set(Instant.parse("2026-11-25T10:40:00Z"));
        desk.resolve(c1, AB);
        tweetAt("10:50", ASK_BANK, "u5"); // unanswered, not due yet: neither met nor missed
        clock.set(Instant.parse("2026-11-25T11:00:00Z"));

        MetricsReport report = metrics().report(T0, Instant.parse("2026-11-25T11:00:00Z"), Duration.ofDays(7));

        Breakdown all = report.overall();
        assertThat(all.opened()).isEqualTo(5);
        assertThat(all.responded()).isEqualTo(3);
        assertThat(all.medianFirstResponse()).contains(Duration.ofMinutes(30));
        assertThat(all.p90FirstResponse()).contains(Duration.ofMinutes(90));
        assertThat(all.responseRate().getAsDouble()).isEqualTo(0.6);
        assertThat(all.slaMet()).isEqualTo(2);
        assertThat(all.slaMissed()).isEqualTo(2);
        assertThat(all.slaCompliance().getAsDouble()).isEqualTo(0.5);
        assertThat(all.backlog()).as("c1 resolved; the rest is open work").isEqualTo(4);

        assertThat(report.byChannel()).containsOnlyKeys(ChannelId.of("askbank"), ChannelId.of("askcards"));
        Breakdown bank = report.byChannel().get(ChannelId.of("askbank"));
        assertThat(bank.opened()).isEqualTo(3);
        assertThat(bank.medianFirstResponse()).contains(Duration.ofMinutes(10));
        assertThat(bank.p90FirstResponse()).contains(Duration.ofMinutes(90));
        assertThat(bank.backlog()).isEqualTo(2);
        assertThat(report.byTeam().get(CARDS)).isEqualTo(report.byChannel().get(ChannelId.of("askcards")));
        assertThat(report.byBusinessUnit()).containsOnlyKeys("cards");
        assertThat(report.byBusinessUnit().get("cards").slaMissed()).isEqualTo(1);
        assertThat(report.byAgent().get(AB).opened()).isEqualTo(2);
        assertThat(report.byAgent().get(AB).backlog()).isEqualTo(1);
        assertThat(report.byAgent().get(CD).backlog()).isEqualTo(2);
        assertThat(report.byAgent().get(CD).responseRate().getAsDouble()).isEqualTo(0.5);

        assertThat(report.inactiveAccounts()).singleElement().satisfies(a -> {
            assertThat(a.channel()).isEqualTo(BRAND.id());
            assertThat(a.lastReplyAt()).isEmpty();
        });
    }

    @Test
    void theStreamedReportReadPageByPageEqualsTheReportOfTheWholePeriod() {
        ConversationId c1 = tweetAt("09:00", ASK_BANK, "u1");
        ConversationId c2 = tweetAt("09:00", ASK_CARDS, "u2"); // the same instant: the page boundary falls between
        ConversationId c3 = tweetAt("09:20", ASK_CARDS, "u3");
        tweetAt("09:30", BRAND, "u4");
        replyAt("09:10", c1, AB);
        replyAt("09:50", c3, CD);
        clock.set(Instant.parse("2026-11-25T10:00:00Z"));
        desk.claim(c2, CD);
        tweetAt("10:50", ASK_BANK, "u5");
        clock.set(Instant.parse("2026-11-25T11:00:00Z"));
        Instant end = Instant.parse("2026-11-25T11:00:00Z");

        MetricsReport whole = metrics().report(T0, end, Duration.ofDays(7));

        assertThat(whole.overall().opened()).isEqualTo(5);
        for (int pageSize : new int[] {1, 2, 5, 100}) {
            assertThat(metrics().report(T0, end, Duration.ofDays(7), pageSize))
                    .as("report read %d at a time", pageSize)
                    .isEqualTo(whole);
        }
        java.util.List<ConversationId> visited = new java.util.ArrayList<>();
        metrics().forEachOpened(T0, end, 2, c -> visited.add(c.id()));
        assertThat(visited).hasSize(5).startsWith(c1.value().compareTo(c2.value()) < 0 ? c1 : c2);
    }

    @Test
    void accountsGoInactiveAfterDaysWithoutAReply() {
        ConversationId c1 = tweetAt("09:00", ASK_BANK, "u1");
        replyAt("09:10", c1, AB);
        clock.set(T0.plus(Duration.ofDays(3)));
        assertThat(metrics().inactiveAccounts(Duration.ofDays(7)))
                .extracting(InactiveAccount::channel)
                .containsExactly(ASK_CARDS.id(), BRAND.id());
        clock.set(T0.plus(Duration.ofDays(8)));
        assertThat(metrics().inactiveAccounts(Duration.ofDays(7)))
                .extracting(InactiveAccount::channel)
                .containsExactly(ASK_BANK.id(), ASK_CARDS.id(), BRAND.id());
        assertThat(metrics().inactiveAccounts(Duration.ofDays(7)).get(0).lastReplyAt())
                .contains(Instant.parse("2026-11-25T09:10:00Z"));
    }

    @Test
    void emptyPeriodHasNoRatesRatherThanZero() {
        MetricsReport report = metrics().report(T0, T0.plus(Duration.ofHours(1)), Duration.ofDays(7));
        assertThat(report.overall().opened()).isZero();
        assertThat(report.overall().responseRate()).isEmpty();
        assertThat(report.overall().slaCompliance()).isEmpty();
        assertThat(report.overall().medianFirstResponse()).isEmpty();
        assertThat(report.byChannel()).isEmpty();
    }
}
