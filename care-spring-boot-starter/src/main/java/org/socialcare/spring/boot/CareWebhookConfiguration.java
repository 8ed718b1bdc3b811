package org.socialcare.spring.boot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.port.out.WebhookHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * Maps the webhook endpoints ({@link CareWebhookController}) in a servlet web application unless {@code
 * care.webhook.enabled=false}. Handlers: the application's {@link WebhookHandler} beans, and for each platform
 * with configured channels and no such bean one built from {@code care.twitter.*} or {@code care.facebook.*} when
 * the platform's adapter is on the classpath; missing credentials fail startup naming the property.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnProperty(prefix = "care.webhook", name = "enabled", matchIfMissing = true)
class CareWebhookConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CareWebhookController careWebhookController(
            CareDesk desk, CareProperties properties, Clock clock, ObjectProvider<WebhookHandler> own) {
        return new CareWebhookController(
                desk, handlers(properties, clock, own.orderedStream().toList()));
    }

    static List<WebhookHandler> handlers(CareProperties properties, Clock clock, List<WebhookHandler> own) {
        List<WebhookHandler> all = new ArrayList<>(own);
        Set<Platform> served = new HashSet<>();
        own.forEach(h -> served.add(h.platform()));
        Set<Platform> configured = new HashSet<>();
        properties.getChannels().stream()
                .filter(c -> c.getPlatform() != null && !c.getPlatform().isBlank())
                .forEach(c -> configured.add(CareDeskFactory.platform("care.channels[].platform", c.getPlatform())));
        ClassLoader loader = CareWebhookConfiguration.class.getClassLoader();
        if (configured.contains(Platform.TWITTER)
                && !served.contains(Platform.TWITTER)
                && ClassUtils.isPresent("org.socialcare.twitter.TwitterWebhookHandler", loader)) {
            all.add(AdapterWebhookHandlers.twitter(properties));
        }
        if (configured.contains(Platform.FACEBOOK)
                && !served.contains(Platform.FACEBOOK)
                && ClassUtils.isPresent("org.socialcare.facebook.FacebookWebhookHandler", loader)) {
            all.add(AdapterWebhookHandlers.facebook(properties, clock));
        }
        return all;
    }
}
