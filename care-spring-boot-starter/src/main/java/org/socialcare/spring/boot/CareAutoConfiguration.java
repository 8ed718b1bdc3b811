package org.socialcare.spring.boot;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.CareDesk;
import org.socialcare.core.MessagePolicies;
import org.socialcare.core.domain.escalation.EscalationPolicy;
import org.socialcare.core.domain.routing.RoutingPolicy;
import org.socialcare.core.domain.sla.SlaPolicy;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CallbackGateway;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ChannelHealthListener;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.core.port.out.ComplaintGateway;
import org.socialcare.core.port.out.DeskListener;
import org.socialcare.core.port.out.EscalationNotifier;
import org.socialcare.persistence.jdbc.JdbcCareStorage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * Wires a {@link CareDesk} from {@code care.*} properties ({@link CareProperties}).
 *
 * <ul>
 *   <li>Storage: {@link JdbcCareStorage} on the application's single {@link DataSource}; the schema is Flyway's
 *       job when the application has a Flyway bean (see {@link CareFlywayConfiguration}), else the built-in
 *       initializer's when {@code care.jdbc.initialize-schema=true}. Without a DataSource the desk keeps
 *       everything in memory and says so at WARN.
 *   <li>The desk takes the application's {@link RoutingPolicy}, {@link SlaPolicy}, {@link EscalationPolicy},
 *       {@link EscalationNotifier}, {@link CallbackGateway}, {@link ComplaintGateway}, {@link
 *       ChannelHealthListener} and {@link ChannelPublisher} beans where there are any, and every {@link DeskListener}
 *       bean (the {@code CareEventMeters} among them when Micrometer is present).
 *   <li>Without such beans: the SLA policy of {@code care.sla.*}, the rules of {@code care.escalation.rules-file} and
 *       the triage languages of {@code care.triage.*} ({@link CarePolicies}); a {@link MessagePolicies} bean
 *       replaces the latter.
 *   <li>A twitter4j publisher per TWITTER channel with its own credentials ({@code care.channels[n].twitter.*},
 *       {@link CareTwitterPublishingConfiguration}) when the Twitter adapter is present; a restfb publisher for the
 *       facebook pages with {@code care.facebook.publish=true} ({@link CareFacebookPublishingConfiguration}).
 *   <li>Background work ({@link CareBackgroundWork}) unless {@code care.background.enabled=false}.
 * </ul>
 *
 * Every bean is {@code @ConditionalOnMissingBean}: define your own to replace it.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
        })
@EnableConfigurationProperties(CareProperties.class)
@Import({
    CareFlywayConfiguration.class,
    CareWebhookConfiguration.class,
    CareActuatorConfiguration.class,
    CareTwitterPublishingConfiguration.class,
    CareFacebookPublishingConfiguration.class
})
public class CareAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(CareAutoConfiguration.class);

    /** The clock the desk stamps everything with: system UTC unless the application has a Clock bean. */
    @Bean
    @ConditionalOnMissingBean
    public Clock careClock() {
        return Clock.systemUTC();
    }

    /** Storage on the application's DataSource, schema applied by Flyway. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSingleCandidate(DataSource.class)
    @ConditionalOnBean(type = "org.flywaydb.core.Flyway")
    static class FlywayStorage {
        @Bean
        @ConditionalOnMissingBean
        @DependsOnDatabaseInitialization
        CareStorage careStorage(DataSource dataSource, CareProperties properties, Clock clock) {
            return jdbc(dataSource, properties, false, clock);
        }
    }

    /** Storage on the application's DataSource, schema by the built-in initializer when asked. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSingleCandidate(DataSource.class)
    @ConditionalOnMissingBean(type = "org.flywaydb.core.Flyway")
    static class InitializerStorage {
        @Bean
        @ConditionalOnMissingBean
        @DependsOnDatabaseInitialization
        CareStorage careStorage(DataSource dataSource, CareProperties properties, Clock clock) {
            return jdbc(dataSource, properties, properties.getJdbc().isInitializeSchema(), clock);
        }
    }

    /** No DataSource: in-memory storage, lost at shutdown. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(DataSource.class)
    static class MemoryStorage {
        @Bean
        @ConditionalOnMissingBean
        CareStorage careStorage() {
            LOG.warn("care: no DataSource in the application, the desk keeps conversations in memory only: "
                    + "they are lost at shutdown. Add a DataSource (spring.datasource.*) for care-persistence-jdbc.");
            return InMemoryStorage.create();
        }
    }

    private static CareStorage jdbc(
            DataSource dataSource, CareProperties properties, boolean createSchema, Clock clock) {
        String prefix = properties.getJdbc().getTablePrefix();
        JdbcCareStorage.Builder builder =
                JdbcCareStorage.builder(dataSource).createSchema(createSchema).clock(clock);
        try {
            builder.tablePrefix(prefix);
        } catch (IllegalArgumentException e) {
            throw CareDeskFactory.invalid("care.jdbc.table-prefix", prefix, e.getMessage());
        }
        return builder.build().storage();
    }

    /** The desk, from the properties and whatever policies and gateways the application defines. */
    @Bean
    @ConditionalOnMissingBean
    public CareDesk careDesk(
            CareProperties properties,
            CareStorage storage,
            Clock clock,
            ObjectProvider<RoutingPolicy> routing,
            ObjectProvider<SlaPolicy> sla,
            ObjectProvider<EscalationPolicy> escalation,
            ObjectProvider<EscalationNotifier> notifier,
            ObjectProvider<CallbackGateway> callbacks,
            ObjectProvider<ComplaintGateway> complaints,
            ObjectProvider<ChannelHealthListener> healthListener,
            ObjectProvider<ChannelPublisher> publishers,
            ObjectProvider<DeskListener> listeners,
            ObjectProvider<MessagePolicies> messagePolicies,
            ObjectProvider<CareAccountPublishers> accountPublishers,
            ResourceLoader resources) {
        CareDesk.Builder builder = CareDesk.builder().storage(storage).clock(clock);
        CareDeskFactory.configure(builder, properties);
        Set<String> channelIds = properties.getChannels().stream()
                .map(CareProperties.ChannelProperties::getId)
                .collect(Collectors.toSet());
        routing.ifAvailable(builder::routing);
        sla.ifAvailable(builder::slaPolicy);
        if (sla.getIfAvailable() == null) {
            CarePolicies.sla(properties.getSla(), channelIds).ifPresent(builder::slaPolicy);
        }
        escalation.ifAvailable(builder::escalation);
        if (escalation.getIfAvailable() == null) {
            CarePolicies.escalation(properties.getEscalation(), resources).ifPresent(builder::escalation);
        }
        messagePolicies.ifAvailable(builder::messagePolicies);
        if (messagePolicies.getIfAvailable() == null) {
            CarePolicies.triage(properties.getTriage(), resources).ifPresent(builder::messagePolicies);
        }
        notifier.ifAvailable(builder::notifier);
        callbacks.ifAvailable(builder::callbackGateway);
        complaints.ifAvailable(builder::complaintGateway);
        healthListener.ifAvailable(builder::healthListener);
        builder.publishers(publishers.orderedStream().toList());
        accountPublishers.orderedStream().forEach(a -> a.byChannel().forEach(builder::publisher));
        listeners.orderedStream().forEach(builder::listener);
        return builder.build();
    }

    /** Outbox dispatch, sweep and polling as a managed lifecycle, stopped gracefully on shutdown. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "care.background", name = "enabled", matchIfMissing = true)
    public CareBackgroundWork careBackgroundWork(
            CareDesk desk, CareProperties properties, ObjectProvider<ChannelSource> sources) {
        return new CareBackgroundWork(
                desk, properties.getBackground(), sources.orderedStream().toList());
    }
}
