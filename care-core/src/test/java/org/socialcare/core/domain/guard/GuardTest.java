package org.socialcare.core.domain.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.Visibility;

class GuardTest {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final ChannelId BANK = ChannelId.of("bank");

    static OwnMessage echo(String id, Optional<String> app, Instant at) {
        return new OwnMessage(
                MessageKey.of(Platform.TWITTER, id),
                BANK,
                "Our Black Friday savings rates are here!",
                Visibility.PUBLIC,
                Optional.empty(),
                at,
                app);
    }

    static HijackGuard guard() {
        return HijackGuard.builder()
                .allowApp(Platform.TWITTER, "Hootsuite Inc.")
                .allowApp(Platform.TWITTER, "Sprinklr")
                .burst(3, Duration.ofMinutes(10))
                .build();
    }

    @Test
    void marketingSchedulerPostIsExpected() {
        HijackGuard.Verdict v = guard().inspect(echo("1", Optional.of("Hootsuite Inc."), T0), Platform.TWITTER, T0);
        assertThat(v.anomaly()).isFalse();
        assertThat(v.reason()).contains("allow-listed");
    }

    @Test
    void aHostileAppNameIsShownShortAndOnOneLineInTheReason() {
        String hostile = "Bot\nERROR forged line " + "x".repeat(500_000);

        HijackGuard.Verdict v = guard().inspect(echo("1", Optional.of(hostile), T0), Platform.TWITTER, T0);

        assertThat(v.anomaly()).isTrue();
        assertThat(v.reason()).hasSizeLessThan(200).doesNotContain("\n").contains("(500022 chars)");
    }

    @Test
    void postFromUnknownAppOrNoAppIsAnAnomaly() {
        assertThat(guard().inspect(echo("1", Optional.of("Crypto Giveaway Bot"), T0), Platform.TWITTER, T0))
                .satisfies(v -> {
                    assertThat(v.anomaly()).isTrue();
                    assertThat(v.reason()).contains("unknown app 'Crypto Giveaway Bot'");
                });
        assertThat(guard().inspect(echo("1", Optional.empty(), T0), Platform.TWITTER, T0)
                        .anomaly())
                .isTrue();
        assertThat(HijackGuard.builder()
                        .allowUnnamedApps(true)
                        .build()
                        .inspect(echo("1", Optional.empty(), T0), Platform.TWITTER, T0)
                        .anomaly())
                .isFalse();
        assertThat(guard().inspect(echo("1", Optional.of("Hootsuite Inc."), T0), Platform.FACEBOOK, T0)
                        .anomaly())
                .as("allow-lists are per platform")
                .isTrue();
    }

    @Test
    void burstOfPostsFromAnAllowedAppIsAnAnomaly() {
        HijackGuard g = guard();
        for (int i = 0; i < 3; i++) {
            assertThat(g.inspect(
                                    echo("p" + i, Optional.of("Sprinklr"), T0.plusSeconds(i)),
                                    Platform.TWITTER,
                                    T0.plusSeconds(i))
                            .anomaly())
                    .isFalse();
        }
        HijackGuard.Verdict fourth =
                g.inspect(echo("p4", Optional.of("Sprinklr"), T0.plusSeconds(5)), Platform.TWITTER, T0.plusSeconds(5));
        assertThat(fourth.anomaly()).isTrue();
        assertThat(fourth.reason()).contains("4 posts not sent by the desk within PT10M (limit 3)");
        Instant later = T0.plus(Duration.ofMinutes(11));
        assertThat(g.inspect(echo("p5", Optional.of("Sprinklr"), later), Platform.TWITTER, later)
                        .anomaly())
                .as("window slides")
                .isFalse();
    }

    @Test
    void anEchoOlderThanTheFreshnessWindowIsRecordedNotJudged() {
        Instant now = T0.plus(Duration.ofHours(1));
        HijackGuard.Verdict old =
                guard().inspect(echo("1", Optional.empty(), now.minus(Duration.ofMinutes(16))), Platform.TWITTER, now);
        assertThat(old.anomaly())
                .as("a post from before the desk watched the account (first poll's look-back)")
                .isFalse();
        assertThat(old.reason()).contains("predates", "PT15M");
        assertThat(guard().inspect(
                                echo("2", Optional.empty(), now.minus(Duration.ofMinutes(15))), Platform.TWITTER, now)
                        .anomaly())
                .as("15 minutes old is still fresh")
                .isTrue();
        assertThat(guard().inspect(
                                echo("3", Optional.of("Crypto Giveaway Bot"), now.minus(Duration.ofMinutes(1))),
                                Platform.TWITTER,
                                now)
                        .anomaly())
                .isTrue();
        HijackGuard strict =
                HijackGuard.builder().freshness(Duration.ofHours(2)).build();
        assertThat(strict.inspect(echo("4", Optional.empty(), now.minus(Duration.ofMinutes(90))), Platform.TWITTER, now)
                        .anomaly())
                .as("configurable")
                .isTrue();
        assertThat(strict.freshness()).isEqualTo(Duration.ofHours(2));
        assertThat(HijackGuard.builder().build().freshness()).as("default").isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void staleEchoesDoNotCountTowardsTheBurst() {
        HijackGuard g = guard();
        Instant now = T0.plus(Duration.ofHours(1));
        for (int i = 0; i < 10; i++) {
            // a first poll returns the account's own posts of the last day
            assertThat(g.inspect(
                                    echo("old" + i, Optional.of("Sprinklr"), T0.minus(Duration.ofHours(i))),
                                    Platform.TWITTER,
                                    now)
                            .anomaly())
                    .isFalse();
        }
        assertThat(g.inspect(echo("new", Optional.of("Sprinklr"), now), Platform.TWITTER, now)
                        .anomaly())
                .isFalse();
    }

    @Test
    void freshnessWindowMustBePositive() {
        assertThatThrownBy(() -> HijackGuard.builder().freshness(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("freshness");
    }

    @Test
    void facebookAppIdAsTheAdapterReportsItMatchesTheAllowList() {
        // The Facebook adapter fills OwnMessage.sourceApp with the numeric app id as text: Graph application.id,
        // Messenger app_id.
        HijackGuard g = HijackGuard.builder()
                .allowApp(Platform.FACEBOOK, " 1517776481860111 ")
                .build();
        OwnMessage post = new OwnMessage(
                MessageKey.of(Platform.FACEBOOK, "500_1"),
                BANK,
                "Our savings rates are here",
                Visibility.PUBLIC,
                Optional.empty(),
                T0,
                Optional.of("1517776481860111"));
        HijackGuard.Verdict v = g.inspect(post, Platform.FACEBOOK, T0);
        assertThat(v.anomaly()).isFalse();
        assertThat(v.reason()).contains("app '1517776481860111' is allow-listed for facebook");
        OwnMessage other = new OwnMessage(
                MessageKey.of(Platform.FACEBOOK, "500_2"),
                BANK,
                "Free crypto!",
                Visibility.PUBLIC,
                Optional.empty(),
                T0,
                Optional.of("2223334445556667"));
        assertThat(g.inspect(other, Platform.FACEBOOK, T0).anomaly()).isTrue();
    }

    @Test
    void offGuardNeverSuspects() {
        assertThat(HijackGuard.off()
                        .inspect(echo("1", Optional.of("anything"), T0), Platform.TWITTER, T0)
                        .anomaly())
                .isFalse();
    }

    @Test
    void linkPolicyFindsLinksToDomainsOffTheList() {
        LinkPolicy links = LinkPolicy.allowOnly(Set.of("bank.example", "t.co"));
        assertThat(links.disallowedLinks(
                        "See https://www.bank.example/help/cards or https://support.bank.example/x, thanks ^AB"))
                .isEmpty();
        assertThat(links.disallowedLinks("Claim your refund at https://bank-example-refunds.com/claim now"))
                .containsExactly("https://bank-example-refunds.com/claim");
        assertThat(links.disallowedLinks("Claim your refund at bank-refunds.com/claim"))
                .containsExactly("bank-refunds.com/claim");
        assertThat(links.disallowedLinks("verify at www.evil.io today")).containsExactly("www.evil.io");
        assertThat(links.disallowedLinks("DM us at help@bank.example. We're here 8am-8pm, e.g. on weekdays."))
                .isEmpty();
        assertThat(links.disallowedLinks("https://bank.example.evil.com/login"))
                .containsExactly("https://bank.example.evil.com/login");
        assertThat(LinkPolicy.allowOnly(Set.of()).disallowedLinks("http://bank.example"))
                .hasSize(1);
    }

    @Test
    void rateCapGivesTheInstantTheNextSlotFrees() {
        PublishingGuard g = PublishingGuard.builder()
                .rateCap(2, Duration.ofHours(1))
                .rateCap(ChannelId.of("vip"), 0)
                .build();
        assertThat(g.tryAcquire(BANK, T0)).isEmpty();
        assertThat(g.tryAcquire(BANK, T0.plusSeconds(60))).isEmpty();
        assertThat(g.tryAcquire(BANK, T0.plusSeconds(120))).contains(T0.plus(Duration.ofHours(1)));
        assertThat(g.tryAcquire(BANK, T0.plus(Duration.ofHours(1)))).isEmpty();
        for (int i = 0; i < 100; i++) {
            assertThat(g.tryAcquire(ChannelId.of("vip"), T0)).isEmpty();
        }
    }

    @Test
    void linkCheckAppliesToTextRepliesOnly() {
        PublishingGuard g = PublishingGuard.builder()
                .links(LinkPolicy.allowOnly(Set.of("bank.example")))
                .build();
        Reply reply = Reply.queued(
                ReplyId.of("r1"),
                ConversationId.of("c1"),
                BANK,
                ReplyKind.PUBLIC_REPLY,
                Optional.of("123"),
                Optional.empty(),
                "Please reset here: http://bank-login.xyz",
                Optional.of(AgentId.of("ab")),
                T0);
        assertThat(g.disallowedLinks(reply)).containsExactly("http://bank-login.xyz");
        Reply hide = Reply.queued(
                ReplyId.of("r2"),
                ConversationId.of("c1"),
                BANK,
                ReplyKind.HIDE_COMMENT,
                Optional.of("123"),
                Optional.empty(),
                "",
                Optional.empty(),
                T0);
        assertThat(g.disallowedLinks(hide)).isEmpty();
        assertThat(PublishingGuard.none().disallowedLinks(reply)).isEmpty();
    }
}
