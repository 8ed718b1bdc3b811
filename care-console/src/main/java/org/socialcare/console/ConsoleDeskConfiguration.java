package org.socialcare.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.CareDesk;
import org.socialcare.core.MessagePolicies;
import org.socialcare.core.domain.routing.RoutingPolicy;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.examples.demo.BankSetup;
import org.socialcare.examples.demo.CareDaySimulation;
import org.socialcare.examples.demo.platforms.EmulatedPlatforms;
import org.socialcare.examples.demo.platforms.XApiVersion;
import org.socialcare.persistence.jdbc.JdbcCareStorage;
import org.socialcare.twitter.TwitterTextLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The console's desk: the demo bank's teams, channels, agents and policies ({@link BankSetup}) on the
 * application's {@link DataSource} (H2 by default, PostgreSQL with {@code spring.datasource.url}), publishing to
 * the local platform emulators ({@link EmulatedPlatforms}), on the simulated {@link DemoClock}. The starter's own
 * beans step aside for these ({@code @ConditionalOnMissingBean}) and run the outbox dispatch and the SLA sweep
 * ({@code CareBackgroundWork}) on this desk.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleDeskConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleDeskConfiguration.class);

    @Bean
    BankSetup bankSetup() {
        return new BankSetup();
    }

    /** Replaces the starter's system clock: the demo day, {@code console.speed} times faster than real time. */
    @Bean
    DemoClock careClock(ConsoleProperties properties) {
        return new DemoClock(CareDaySimulation.OPENING.plus(properties.startAfter()), properties.speed());
    }

    @Bean(destroyMethod = "close")
    EmulatedPlatforms emulatedPlatforms(BankSetup bank, Clock clock, ConsoleProperties properties) {
        try {
            return EmulatedPlatforms.start(bank, clock, XApiVersion.parse(properties.xApi()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local platform emulators", e);
        }
    }

    /** The JDBC storage with its audit log (verified on the audit page), approvals and channel states. */
    @Bean
    JdbcCareStorage careJdbc(DataSource dataSource, Clock clock) {
        return JdbcCareStorage.builder(dataSource)
                .createSchema(true)
                .clock(clock)
                .build();
    }

    @Bean
    CareStorage careStorage(JdbcCareStorage jdbc) {
        return jdbc.storage();
    }

    @Bean
    EscalationCounts escalationCounts(JdbcCareStorage jdbc) {
        return new EscalationCounts(jdbc.escalationFirings());
    }

    /** Tweets measured as Twitter does (twitter-text); held replies kept in the database. */
    @Bean
    MessagePolicies messagePolicies(JdbcCareStorage jdbc) {
        return MessagePolicies.builder()
                .textLimits(TwitterTextLimits.create())
                .approvals(jdbc.approvals())
                .build();
    }

    @Bean
    CareDesk careDesk(
            BankSetup bank,
            EmulatedPlatforms platforms,
            JdbcCareStorage jdbc,
            EscalationCounts firings,
            MessagePolicies policies,
            Clock clock) {
        CareDesk.Builder builder = bank.configure(CareDesk.builder())
                // people work the queues here: conversations wait in their team's queue until an agent claims them
                .routing(RoutingPolicy.builder()
                        .strategy(RoutingPolicy.Strategy.SKILLS_MATCH)
                        .autoAssign(false)
                        .businessUnitTeam("cards", BankSetup.CARDS)
                        .build())
                .clock(clock)
                .storage(jdbc.storage())
                .escalationFirings(firings)
                .channelStates(jdbc.channelStates())
                .messagePolicies(policies)
                // the demo has no phone team or complaints system: say what would have been handed over (ids only)
                .callbackGateway(
                        r -> LOG.info("callback requested on conversation {} by {}", r.conversation(), r.requestedBy()))
                .complaintGateway(r -> {
                    LOG.info("complaint opened for conversation {}", r.conversation());
                    return "DEMO-" + r.conversation().value();
                });
        return platforms.configure(builder).build();
    }
}
