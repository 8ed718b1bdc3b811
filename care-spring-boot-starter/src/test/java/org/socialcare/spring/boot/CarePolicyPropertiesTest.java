package org.socialcare.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.sla.BusinessCalendar;
import org.socialcare.core.domain.sla.SlaPolicy;
import org.socialcare.core.domain.sla.SlaTargets;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.ChannelSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code care.sla.*}, {@code care.escalation.*}, {@code care.triage.*} and per-source polling on real contexts. */
class CarePolicyPropertiesTest {
    private static final ChannelId TWITTER = ChannelId.of("twitter-care");
    private static final String[] DESK = {
        "care.teams[0].id=care",
        "care.agents[0].id=alice",
        "care.agents[0].initials=AB",
        "care.agents[0].team=care",
        "care.channels[0].id=twitter-care",
        "care.channels[0].platform=twitter",
        "care.channels[0].handle=AskBank",
        "care.channels[0].account-id=900100",
        "care.channels[0].team=care",
        "care.background.enabled=false"
    };

    // a desk fails fast without a publisher per channel: platform-wide stand-ins (an account's own publisher wins)
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CareAutoConfiguration.class))
            .withBean("twitterStandIn", ChannelPublisher.class, () -> standIn(Platform.TWITTER))
            .withBean("facebookStandIn", ChannelPublisher.class, () -> standIn(Platform.FACEBOOK))
            .withPropertyValues(DESK);

    private static ChannelPublisher standIn(Platform platform) {
        return new ChannelPublisher() {
            @Override
            public Platform platform() {
                return platform;
            }

            @Override
            public java.util.Optional<String> publish(
                    org.socialcare.core.domain.Channel channel, org.socialcare.core.domain.Reply reply) {
                throw new IllegalStateException("these tests publish nothing");
            }
        };
    }

    private static void failsNaming(ApplicationContextRunner runner, String property, String... more) {
        runner.run(ctx -> {
            var failure = assertThat(ctx).getFailure().rootCause().hasMessageContaining(property);
            for (String m : more) {
                failure.hasMessageContaining(m);
            }
        });
    }

    @Test
    void slaTargetsAndBusinessCalendarsReachTheDesk() {
        runner.withPropertyValues(
                        "care.sla.first-response=30m",
                        "care.sla.resolution=8h",
                        "care.sla.at-risk-fraction=0.5",
                        "care.sla.calendar.zone=Europe/Madrid",
                        "care.sla.calendar.weekdays=08:00-20:00",
                        "care.sla.calendar.holidays=2026-12-25,2027-01-01",
                        "care.sla.channels.twitter-care.first-response=15m")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    SlaPolicy sla = ctx.getBean(CareDesk.class).slaPolicy();
                    assertThat(sla.targetsFor(TWITTER, Priority.NORMAL))
                            .isEqualTo(new SlaTargets(
                                    Duration.ofMinutes(15), Duration.ofMinutes(15), Optional.of(Duration.ofHours(8))));
                    assertThat(sla.atRiskFraction()).isEqualTo(0.5);
                    BusinessCalendar calendar = sla.calendarFor(TWITTER);
                    assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Madrid"));
                    assertThat(calendar.openingHours(DayOfWeek.MONDAY))
                            .contains(new BusinessCalendar.OpeningHours(LocalTime.of(8, 0), LocalTime.of(20, 0)));
                    assertThat(calendar.openingHours(DayOfWeek.SATURDAY)).isEmpty();
                    assertThat(calendar.holidays()).contains(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1));
                });
    }

    @Test
    void withoutSlaPropertiesTheDeskKeepsItsWallClockDefault() {
        runner.run(ctx -> assertThat(ctx.getBean(CareDesk.class)
                        .slaPolicy()
                        .calendarFor(TWITTER)
                        .isAlwaysOpen())
                .isTrue());
    }

    @Test
    void slaSettingsThatCannotWorkFailNamingTheProperty() {
        failsNaming(runner.withPropertyValues("care.sla.resolution=8h"), "care.sla.first-response", "must be set");
        failsNaming(
                runner.withPropertyValues(
                        "care.sla.first-response=30m", "care.sla.channels.facebook-page.resolution=1h"),
                "care.sla.channels.facebook-page",
                "no channel with this id");
        failsNaming(
                runner.withPropertyValues(
                        "care.sla.first-response=30m",
                        "care.sla.calendar.zone=Europe/Madrid",
                        "care.sla.calendar.weekdays=20:00-08:00"),
                "care.sla.calendar.weekdays",
                "20:00-08:00");
        failsNaming(
                runner.withPropertyValues("care.sla.first-response=30m", "care.sla.calendar.zone=Mars/Olympus"),
                "care.sla.calendar.zone",
                "Mars/Olympus");
        failsNaming(
                runner.withPropertyValues("care.sla.first-response=30m", "care.sla.calendar.weekdays=08:00-20:00"),
                "care.sla.calendar.zone");
        failsNaming(runner.withPropertyValues("care.sla.first-response=0s"), "care.sla.first-response", "positive");
    }

    @Test
    void theEscalationRulesFileIsLoadedAndCheckedAgainstTheTeams() {
        // the file's second rule moves conversations to team 'cards': the desk refuses it until that team exists
        failsNaming(
                runner.withPropertyValues("care.escalation.rules-file=classpath:care/escalation.rules"),
                "escalation rule 'to-cards'",
                "cards");
        runner.withPropertyValues(
                        "care.escalation.rules-file=classpath:care/escalation.rules", "care.teams[1].id=cards")
                .run(ctx -> assertThat(ctx).hasNotFailed());
    }

    @Test
    void aMissingOrBrokenRulesFileFailsNamingTheProperty() {
        failsNaming(
                runner.withPropertyValues("care.escalation.rules-file=classpath:care/no-such.rules"),
                "care.escalation.rules-file",
                "no such resource");
        failsNaming(
                runner.withPropertyValues("care.escalation.rules-file=classpath:care/broken.rules"),
                "care.escalation.rules-file",
                "line 2");
    }

    @Test
    @SuppressWarnings("deprecation")
    void triageLanguageFilesAreAddedToTheBuiltInOnes() {
        runner.withPropertyValues(
                        "care.triage.language-files[0]=classpath:care/triage-pt.properties",
                        "care.triage.default-language=pt")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    var config = ctx.getBean(CareDesk.class)
                            .messagePolicies()
                            .triage()
                            .config();
                    assertThat(config.languages()).containsKeys("en", "es", "pt");
                    assertThat(config.defaultLanguage()).isEqualTo("pt");
                });
    }

    @Test
    void aMissingLanguageFileOrUnknownDefaultLanguageFailsNamingTheProperty() {
        failsNaming(
                runner.withPropertyValues("care.triage.language-files[0]=classpath:care/triage-xx.properties"),
                "care.triage.language-files[0]",
                "no such resource");
        failsNaming(runner.withPropertyValues("care.triage.default-language=pt"), "care.triage.default-language");
    }

    @Test
    void aTwitterAccountWithItsOwnCredentialsGetsItsOwnPublisher() {
        runner.withPropertyValues(
                        "care.twitter.consumer-key=app-key",
                        "care.twitter.consumer-secret=app-secret-value",
                        "care.channels[0].twitter.access-token=900100-token",
                        "care.channels[0].twitter.access-token-secret=token-secret-value")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBean(CareAccountPublishers.class).byChannel())
                            .containsOnlyKeys(TWITTER)
                            .hasValueSatisfying(new org.assertj.core.api.Condition<>(
                                    p -> p instanceof org.socialcare.twitter.Twitter4jChannelPublisher,
                                    "a twitter4j publisher"));
                });
        runner.run(ctx ->
                assertThat(ctx.getBean(CareAccountPublishers.class).byChannel()).isEmpty());
    }

    @Test
    void missingTwitterCredentialsFailNamingThePropertyAndNeverEchoASecret() {
        runner.withPropertyValues(
                        "care.twitter.consumer-key=app-key",
                        "care.twitter.consumer-secret=app-secret-value",
                        "care.channels[0].twitter.access-token=900100-token")
                .run(ctx -> assertThat(ctx)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("care.channels[0].twitter.access-token-secret")
                        .hasMessageNotContaining("900100-token")
                        .hasMessageNotContaining("app-secret-value"));
        failsNaming(
                runner.withPropertyValues(
                        "care.twitter.consumer-secret=app-secret-value",
                        "care.channels[0].twitter.access-token=900100-token",
                        "care.channels[0].twitter.access-token-secret=token-secret-value"),
                "care.twitter.consumer-key");
    }

    private static final String[] FACEBOOK_PAGE = {
        "care.channels[1].id=facebook-page",
        "care.channels[1].platform=facebook",
        "care.channels[1].handle=Bank",
        "care.channels[1].account-id=500200",
        "care.channels[1].team=care",
        "care.facebook.app-secret=fb-app-secret-value",
        "care.facebook.verify-token=verify-me"
    };

    @Test
    void facebookPagesPublishWithTheirOwnTokensWhenAsked() {
        runner.withPropertyValues(FACEBOOK_PAGE)
                .withPropertyValues(
                        "care.channels[1].page-access-token=page-token-value",
                        "care.facebook.publish=true",
                        "care.facebook.graph-base-url=http://127.0.0.1:9")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBean("careFacebookAccountPublishers", CareAccountPublishers.class)
                                    .byChannel())
                            .containsOnlyKeys(ChannelId.of("facebook-page"))
                            .hasValueSatisfying(new org.assertj.core.api.Condition<>(
                                    p -> p instanceof org.socialcare.facebook.RestFbChannelPublisher,
                                    "a restfb publisher"));
                });
        runner.withPropertyValues(FACEBOOK_PAGE)
                .withPropertyValues("care.channels[1].page-access-token=page-token-value")
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean("careFacebookAccountPublishers"));
    }

    @Test
    void aFacebookPageToPublishWithoutItsTokenFailsNamingTheProperty() {
        runner.withPropertyValues(FACEBOOK_PAGE)
                .withPropertyValues("care.facebook.publish=true")
                .run(ctx -> assertThat(ctx)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("care.channels[1].page-access-token")
                        .hasMessageNotContaining("fb-app-secret-value"));
        failsNaming(runner.withPropertyValues("care.facebook.publish=true"), "care.facebook.publish", "no channel");
    }

    @Test
    void withoutTheTwitterAdapterNoAccountPublisherIsBuilt() {
        runner.withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(
                        org.socialcare.twitter.Twitter4jChannelPublisher.class))
                .withPropertyValues("care.channels[0].twitter.access-token=900100-token")
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(CareAccountPublishers.class));
    }

    @Test
    void aPollingIntervalOfASourceNoBeanHasFailsNamingTheProperty() {
        ChannelSource source = new ChannelSource() {
            @Override
            public String sourceId() {
                return "twitter-care-mentions";
            }

            @Override
            public ChannelId channel() {
                return TWITTER;
            }

            @Override
            public org.socialcare.core.domain.Batch poll(Optional<org.socialcare.core.domain.Checkpoint> since) {
                return org.socialcare.core.domain.Batch.empty();
            }
        };
        ApplicationContextRunner withSource =
                runner.withBean(ChannelSource.class, () -> source).withPropertyValues("care.background.enabled=true");
        withSource
                .withPropertyValues("care.background.poll-intervals.twitter-care-mentions=5s")
                .run(ctx -> assertThat(ctx).hasNotFailed());
        failsNaming(
                withSource.withPropertyValues("care.background.poll-intervals.twitter-care-dms=5s"),
                "care.background.poll-intervals.twitter-care-dms",
                "no ChannelSource bean has this source id");
        failsNaming(
                withSource.withPropertyValues("care.background.poll-intervals.twitter-care-mentions=0s"),
                "care.background.poll-intervals.twitter-care-mentions",
                "positive");
        assertThat(List.of(source)).hasSize(1);
    }
}
