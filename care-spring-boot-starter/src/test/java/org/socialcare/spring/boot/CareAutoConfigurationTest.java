package org.socialcare.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.Outbox;
import org.socialcare.core.port.out.OutboxClaim;
import org.socialcare.core.runtime.DeskRuntime;
import org.socialcare.micrometer.CareEventMeters;
import org.socialcare.micrometer.CareMeterBinder;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each condition of {@link CareAutoConfiguration}, on contexts built by Boot's runners. */
class CareAutoConfigurationTest {
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
        "care.channels[0].receive-only=true",
        "care.background.enabled=false"
    };

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CareAutoConfiguration.class))
            .withPropertyValues(DESK);

    private static String h2() {
        return "spring.datasource.url=jdbc:h2:mem:care-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static List<String> careTables(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, "CARE_%", null)) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
            return names;
        }
    }

    @Test
    void withoutADataSourceTheDeskRunsInMemory() {
        runner.run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(CareDesk.class);
            assertThat(ctx.getBean(CareStorage.class).conversations().getClass().getName())
                    .contains("memory");
            CareDesk desk = ctx.getBean(CareDesk.class);
            assertThat(desk.channels()).extracting(c -> c.id().value()).containsExactly("twitter-care");
            assertThat(desk.agents()).extracting(a -> a.initials()).containsExactly("AB");
        });
    }

    @Test
    void withADataSourceAndNoFlywayTheBuiltInInitializerAppliesTheSchemaWhenAsked() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(Flyway.class))
                .withPropertyValues(h2(), "care.jdbc.initialize-schema=true")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBean(CareStorage.class)
                                    .conversations()
                                    .getClass()
                                    .getSimpleName())
                            .isEqualTo("JdbcConversationStore");
                    assertThat(careTables(ctx.getBean(DataSource.class)))
                            .contains("care_conversation", "care_schema_version");
                });
    }

    @Test
    void withADataSourceNoFlywayAndNoInitializerStartupNamesTheMissingTables() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(Flyway.class))
                .withPropertyValues(h2())
                .run(ctx -> assertThat(ctx)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("care tables")
                        .hasMessageContaining("are missing"));
    }

    @Test
    void withFlywayTheSchemaComesFromTheCareScriptsForTheDatabase() {
        runner.withConfiguration(
                        AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
                .withPropertyValues(h2())
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(Flyway.class);
                    Flyway flyway = ctx.getBean(Flyway.class);
                    assertThat(flyway.getConfiguration().getLocations())
                            .extracting(Object::toString)
                            .containsExactly("classpath:db/migration/h2");
                    assertThat(flyway.info().applied()).isNotEmpty();
                    assertThat(careTables(ctx.getBean(DataSource.class)))
                            .contains("care_conversation")
                            .doesNotContain("care_schema_version");
                    assertThat(ctx.getBean(CareStorage.class)
                                    .conversations()
                                    .getClass()
                                    .getSimpleName())
                            .isEqualTo("JdbcConversationStore");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        static final CareStorage STORAGE = InMemoryStorage.create();

        @Bean
        CareStorage bankStorage() {
            return STORAGE;
        }
    }

    @Test
    void theApplicationsOwnBeansReplaceOurs() {
        runner.withUserConfiguration(OwnBeans.class).run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(CareStorage.class);
            assertThat(ctx.getBean(CareStorage.class)).isSameAs(OwnBeans.STORAGE);
            CareDesk desk = ctx.getBean(CareDesk.class);
            assertThat(desk.storage().conversations()).isSameAs(OwnBeans.STORAGE.conversations());
        });
        CareDesk own = CareDesk.builder()
                .team(org.socialcare.core.domain.Team.of("own", "Own team"))
                .channel(org.socialcare.core.domain.Channel.of(
                        "own-channel",
                        org.socialcare.core.domain.Platform.TWITTER,
                        "Own",
                        "1",
                        org.socialcare.core.domain.ChannelKind.DEDICATED_CARE,
                        org.socialcare.core.domain.TeamId.of("own")))
                .receiveOnly(org.socialcare.core.domain.ChannelId.of("own-channel"))
                .build();
        runner.withBean("myDesk", CareDesk.class, () -> own)
                .run(ctx -> assertThat(ctx.getBean(CareDesk.class)).isSameAs(own));
    }

    @Test
    void aChannelOfAnUnknownTeamFailsNamingTheProperty() {
        runner.withPropertyValues("care.channels[0].team=cards").run(ctx -> assertThat(ctx)
                .getFailure()
                .rootCause()
                .hasMessageContaining("care.channels[0].team")
                .hasMessageContaining("cards")
                .hasMessageContaining("no team with this id"));
    }

    @Test
    void aNonPositiveIntervalFailsNamingTheProperty() {
        runner.withPropertyValues("care.background.enabled=true", "care.background.sweep-interval=0s")
                .run(ctx -> assertThat(ctx)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("care.background.sweep-interval"));
    }

    @Test
    void backgroundWorkRunsAndStopsWithTheContext() {
        runner.withPropertyValues("care.background.enabled=true").run(ctx -> {
            CareBackgroundWork work = ctx.getBean(CareBackgroundWork.class);
            assertThat(work.isRunning()).isTrue();
            assertThat(work.health().orElseThrow().state()).isEqualTo(DeskRuntime.State.RUNNING);
            ctx.close();
            assertThat(work.isRunning()).isFalse();
            assertThat(work.health()).isEmpty();
        });
    }

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CareAutoConfiguration.class))
            .withPropertyValues(DESK);

    @Test
    void aTwitterChannelWithoutTheConsumerSecretFailsNamingTheProperty() {
        web.run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("care.twitter.consumer-secret"));
    }

    @Test
    void theWebhookEndpointServesEveryConfiguredPlatform() {
        web.withPropertyValues(
                        "care.twitter.consumer-secret=s3cret-value",
                        "care.channels[1].id=facebook-page",
                        "care.channels[1].platform=facebook",
                        "care.channels[1].handle=Bank",
                        "care.channels[1].account-id=500200",
                        "care.channels[1].team=care",
                        "care.channels[1].receive-only=true",
                        "care.channels[1].page-access-token=page-token",
                        "care.facebook.app-secret=app-secret",
                        "care.facebook.verify-token=verify-me")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBean(CareWebhookController.class).handlers())
                            .containsOnlyKeys("twitter", "facebook");
                });
    }

    @Test
    void aFacebookPageWithoutItsTokenFailsNamingTheProperty() {
        web.withPropertyValues(
                        "care.twitter.consumer-secret=s3cret-value",
                        "care.channels[1].id=facebook-page",
                        "care.channels[1].platform=facebook",
                        "care.channels[1].handle=Bank",
                        "care.channels[1].account-id=500200",
                        "care.channels[1].team=care",
                        "care.channels[1].receive-only=true",
                        "care.facebook.app-secret=app-secret",
                        "care.facebook.verify-token=verify-me")
                .run(ctx -> assertThat(ctx)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("care.channels[1].page-access-token"));
    }

    @Test
    void withMicrometerTheEventMetersListenToTheDeskAndCountWhatHappens() {
        runner.run(ctx -> {
            CareEventMeters meters = ctx.getBean(CareEventMeters.class);
            io.micrometer.core.instrument.MeterRegistry registry =
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
            meters.bindTo(registry);

            ctx.getBean(CareDesk.class).pauseChannel(ChannelId.of("twitter-care"), "suspicious replies");

            assertThat(registry.get("care.channel.pauses")
                            .tag("channel", "twitter-care")
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("care.outbox.pending")
                            .tag("channel", "twitter-care")
                            .gauge()
                            .value())
                    .isZero();
        });
    }

    @Test
    void everyDeskListenerBeanHearsTheDesk() {
        List<org.socialcare.core.domain.DeskEvent> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        runner.withBean(org.socialcare.core.port.out.DeskListener.class, () -> heard::add)
                .run(ctx -> {
                    ctx.getBean(CareDesk.class).pauseChannel(ChannelId.of("twitter-care"), "suspicious replies");
                    assertThat(heard)
                            .singleElement()
                            .isInstanceOfSatisfying(
                                    org.socialcare.core.domain.DeskEvent.ChannelPaused.class,
                                    e -> assertThat(e.channel()).isEqualTo(ChannelId.of("twitter-care")));
                });
    }

    @Test
    void withoutMicrometerNoMetersAreWiredAndTheDeskStillStarts() {
        runner.withClassLoader(new FilteredClassLoader(io.micrometer.core.instrument.binder.MeterBinder.class))
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(CareDesk.class);
                    assertThat(ctx).doesNotHaveBean(CareEventMeters.class).doesNotHaveBean(CareMeterBinder.class);
                });
    }

    @Test
    void anApplicationsOwnEventMetersReplaceOurs() {
        CareEventMeters own = CareEventMeters.create();
        runner.withBean("myMeters", CareEventMeters.class, () -> own).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(CareEventMeters.class)).isSameAs(own);
        });
    }

    @Test
    void healthPerChannelFollowsTheKillSwitchAndTheBinderIsRegistered() {
        runner.run(ctx -> {
            assertThat(ctx).hasSingleBean(CareMeterBinder.class);
            CompositeHealthContributor care = ctx.getBean("careHealthContributor", CompositeHealthContributor.class);
            HealthIndicator channel = (HealthIndicator) care.getContributor("twitter-care");
            assertThat(channel.health().getStatus()).isEqualTo(Status.UP);

            ctx.getBean(CareDesk.class).pauseChannel(ChannelId.of("twitter-care"), "suspicious replies");

            assertThat(channel.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(channel.health().getDetails()).containsEntry("state", "PAUSED");
        });
    }

    @Test
    void theRuntimeBeansHealthSitsBesideTheChannelsWhichFollowChannelsAddedAndRetiredAtRunTime() {
        runner.withUserConfiguration(RuntimeBean.class).run(ctx -> {
            CompositeHealthContributor care = ctx.getBean("careHealthContributor", CompositeHealthContributor.class);
            assertThat(care.stream().map(HealthContributors.Entry::name))
                    .containsExactly("twitter-care", "desk-runtime");
            Health runtime = ((HealthIndicator) care.getContributor("desk-runtime")).health();
            assertThat(runtime.getStatus()).isEqualTo(Status.UP);
            assertThat(runtime.getDetails())
                    .containsEntry("state", "RUNNING")
                    .containsEntry("database", "reachable")
                    .containsEntry("outboxLag", "none waiting")
                    .containsEntry("channels", Map.of("twitter-care", "HEALTHY"))
                    .containsEntry("failingNotices", 0)
                    .containsKeys("sources", "loopFailuresInARow");

            CareDesk desk = ctx.getBean(CareDesk.class);
            Channel cards = Channel.of(
                    "cards", Platform.TWITTER, "BankCards", "900200", ChannelKind.BUSINESS_UNIT, TeamId.of("care"));
            desk.operations().addReceiveOnlyChannel(cards, "kim");
            assertThat(care.stream().map(HealthContributors.Entry::name))
                    .containsExactly("twitter-care", "cards", "desk-runtime");
            assertThat(((HealthIndicator) care.getContributor("cards")).health().getStatus())
                    .isEqualTo(Status.UP);
            assertThat(((HealthIndicator) care.getContributor("desk-runtime"))
                            .health()
                            .getDetails())
                    .containsEntry("channels", Map.of("twitter-care", "HEALTHY", "cards", "HEALTHY"));
            desk.operations().retireChannel(cards.id(), "kim");
            assertThat(care.getContributor("cards")).isNull();
            assertThat(care.stream().map(HealthContributors.Entry::name))
                    .containsExactly("twitter-care", "desk-runtime");

            ctx.getBean(DeskRuntime.class).stop(Duration.ofSeconds(5));
            assertThat(((HealthIndicator) care.getContributor("desk-runtime"))
                            .health()
                            .getStatus())
                    .isEqualTo(Status.OUT_OF_SERVICE);
        });
    }

    @Test
    void withoutARuntimeBeanTheBackgroundWorksRuntimeIsReportedAndWithNeitherNone() {
        runner.withPropertyValues("care.background.enabled=true").run(ctx -> {
            CompositeHealthContributor care = ctx.getBean("careHealthContributor", CompositeHealthContributor.class);
            HealthIndicator runtime = (HealthIndicator) care.getContributor("desk-runtime");
            assertThat(runtime.health().getStatus()).isEqualTo(Status.UP);
            ctx.getBean(CareBackgroundWork.class).stop();
            assertThat(runtime.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(runtime.health().getDetails()).containsEntry("state", "NOT_RUNNING");
        });
        runner.run(ctx -> {
            CompositeHealthContributor care = ctx.getBean("careHealthContributor", CompositeHealthContributor.class);
            assertThat(care.stream().map(HealthContributors.Entry::name)).containsExactly("twitter-care");
            assertThat(care.getContributor("desk-runtime")).isNull();
        });
    }

    @Test
    void aRuntimeWhoseDatabaseDoesNotAnswerIsDown() {
        CareStorage storage = InMemoryStorage.create();
        CareStorage broken = new CareStorage(
                storage.conversations(),
                storage.messages(),
                new FailingOutbox(storage.outbox()),
                storage.audit(),
                storage.checkpoints(),
                storage.deadLetters(),
                storage.escalationFirings(),
                storage.channelStates(),
                storage.approvals(),
                storage.notices(),
                storage.transactions());
        runner.withBean(CareStorage.class, () -> broken)
                .withUserConfiguration(RuntimeBean.class)
                .run(ctx -> {
                    CompositeHealthContributor care =
                            ctx.getBean("careHealthContributor", CompositeHealthContributor.class);
                    Health runtime = ((HealthIndicator) care.getContributor("desk-runtime")).health();
                    assertThat(runtime.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(runtime.getDetails())
                            .containsEntry("database", "unreachable")
                            .containsEntry("databaseError", "java.lang.IllegalStateException: connection refused");
                });
    }

    /** An application that runs its own runtime as a bean. */
    @Configuration(proxyBeanMethods = false)
    static class RuntimeBean {
        @Bean(destroyMethod = "close")
        DeskRuntime deskRuntime(CareDesk desk) {
            return DeskRuntime.builder(desk).build().start();
        }
    }

    /** An outbox whose database does not answer the runtime's lag read. */
    static final class FailingOutbox implements Outbox {
        private final Outbox base;

        FailingOutbox(Outbox base) {
            this.base = base;
        }

        @Override
        public void enqueue(Reply reply) {
            base.enqueue(reply);
        }

        @Override
        public List<OutboxClaim> claim(Instant now, int limit, Duration lease) {
            return base.claim(now, limit, lease);
        }

        @Override
        public void update(Reply reply) {
            base.update(reply);
        }

        @Override
        public boolean updateClaimed(OutboxClaim claim, Reply reply, Optional<Instant> leaseUntil) {
            return base.updateClaimed(claim, reply, leaseUntil);
        }

        @Override
        public Optional<Reply> find(ReplyId id) {
            return base.find(id);
        }

        @Override
        public List<Reply> findByConversation(ConversationId conversation) {
            return base.findByConversation(conversation);
        }

        @Override
        public Optional<Reply> findByPlatformMessageId(ChannelId channel, String platformMessageId) {
            return base.findByPlatformMessageId(channel, platformMessageId);
        }

        @Override
        public List<Reply> queued(ChannelId channel) {
            throw new IllegalStateException("connection refused");
        }

        @Override
        public Counts count(ChannelId channel) {
            return base.count(channel);
        }

        @Override
        public Optional<Reply> oldestQueued(ChannelId channel) {
            throw new IllegalStateException("connection refused");
        }
    }
}
