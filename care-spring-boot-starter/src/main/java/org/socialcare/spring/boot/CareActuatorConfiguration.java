package org.socialcare.spring.boot;

import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Channel;
import org.socialcare.micrometer.CareMeterBinder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Actuator: a health indicator per channel (under the {@code care} contributor, {@link CareChannelHealth}),
 * and with Micrometer the {@link CareMeterBinder}, which Boot binds to every registry it manages.
 */
@Configuration(proxyBeanMethods = false)
class CareActuatorConfiguration {

    /** Health: one indicator per configured channel. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "careHealthContributor")
        CompositeHealthContributor careHealthContributor(CareDesk desk) {
            Map<String, HealthContributor> byChannel = new LinkedHashMap<>();
            for (Channel channel : desk.channels()) {
                byChannel.put(channel.id().value(), new CareChannelHealth(desk, channel.id()));
            }
            return CompositeHealthContributor.fromMap(byChannel);
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
    }
}
