package org.socialcare.spring.boot;

import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.runtime.DeskRuntime;
import org.socialcare.micrometer.CareEventMeters;
import org.socialcare.micrometer.CareMeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Actuator: a health indicator per channel (under the {@code care} contributor, {@link CareChannelHealth}) and
 * the desk runtime's health beside them ({@link CareRuntimeHealth}),
 * and with Micrometer the {@link CareMeterBinder} and the {@link CareEventMeters} (also a listener of the desk),
 * which Boot binds to every registry it manages.
 */
@Configuration(proxyBeanMethods = false)
class CareActuatorConfiguration {

    /**
     * Health: one indicator per channel the desk has (read at each call, so channels added or retired at run time
     * follow), and the runtime's health under {@code desk-runtime}: the application's {@link DeskRuntime} bean if it
     * has one, else the starter's {@link CareBackgroundWork}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "careHealthContributor")
        CompositeHealthContributor careHealthContributor(
                CareDesk desk, ObjectProvider<DeskRuntime> runtime, ObjectProvider<CareBackgroundWork> background) {
            Optional<CareRuntimeHealth> runtimeHealth = Optional.ofNullable(runtime.getIfUnique())
                    .map(CareRuntimeHealth::new)
                    .or(() -> Optional.ofNullable(background.getIfUnique())
                            .map(work -> new CareRuntimeHealth(work::health)));
            return new CareHealthContributors(desk, runtimeHealth);
        }
    }

    /** Metrics: the care meters. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MeterBinder.class, CareMeterBinder.class})
    static class Metrics {
        @Bean
        @ConditionalOnMissingBean
        CareMeterBinder careMeterBinder(CareDesk desk, CareProperties properties) {
            CareProperties.Metrics m = properties.getMetrics();
            try {
                return CareMeterBinder.builder(desk)
                        .window(m.getWindow())
                        .refresh(m.getRefresh())
                        .build();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw CareDeskFactory.invalid("care.metrics", m.getWindow() + "/" + m.getRefresh(), e.getMessage());
            }
        }

        /**
         * Counters and timers from the desk's events, and outbox gauges for the configured channels (read at most
         * once per {@code care.metrics.refresh}); the desk registers it as a listener.
         */
        @Bean
        @ConditionalOnMissingBean
        CareEventMeters careEventMeters(CareStorage storage, CareProperties properties) {
            List<ChannelId> channels = properties.getChannels().stream()
                    .map(CareProperties.ChannelProperties::getId)
                    .filter(Objects::nonNull)
                    .map(ChannelId::of)
                    .toList();
            CareEventMeters.Builder builder = CareEventMeters.builder();
            try {
                builder.refresh(properties.getMetrics().getRefresh());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw CareDeskFactory.invalid(
                        "care.metrics.refresh", properties.getMetrics().getRefresh(), e.getMessage());
            }
            if (!channels.isEmpty()) {
                builder.outbox(storage.outbox(), channels);
            }
            return builder.build();
        }
    }
}
