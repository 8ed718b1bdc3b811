package org.socialcare.spring.boot;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.facebook.FacebookAdapter;
import org.socialcare.facebook.FacebookAdapterConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With the Facebook adapter and {@code care.facebook.publish=true}: one restfb publisher for every facebook channel,
 * each page with its own {@code care.channels[n].page-access-token} and the app's {@code care.facebook.app-secret}.
 * A missing token or secret fails startup naming the property (never echoing a secret).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.socialcare.facebook.FacebookAdapter")
@ConditionalOnProperty(prefix = "care.facebook", name = "publish", havingValue = "true")
class CareFacebookPublishingConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "careFacebookAccountPublishers")
    CareAccountPublishers careFacebookAccountPublishers(CareProperties properties, Clock clock) {
        CareProperties.Facebook app = properties.getFacebook();
        List<FacebookAdapterConfig> pages = new ArrayList<>();
        List<CareProperties.ChannelProperties> channels = properties.getChannels();
        for (int i = 0; i < channels.size(); i++) {
            CareProperties.ChannelProperties c = channels.get(i);
            if (!Platform.FACEBOOK.name().equalsIgnoreCase(c.getPlatform())) {
                continue;
            }
            String key = "care.channels[" + i + "]";
            secret(key + ".page-access-token", c.getPageAccessToken());
            secret("care.facebook.app-secret", app.getAppSecret());
            secret("care.facebook.verify-token", app.getVerifyToken());
            String pageId = CareDeskFactory.required(key + ".account-id", c.getAccountId());
            FacebookAdapterConfig.Builder page = FacebookAdapterConfig.builder()
                    .channel(ChannelId.of(CareDeskFactory.required(key + ".id", c.getId())))
                    .pageId(pageId)
                    .pageAccessToken(c.getPageAccessToken())
                    .appSecret(app.getAppSecret())
                    .verifyToken(app.getVerifyToken());
            if (app.getGraphBaseUrl() != null && !app.getGraphBaseUrl().isBlank()) {
                try {
                    page.graphBaseUrl(URI.create(app.getGraphBaseUrl()));
                } catch (IllegalArgumentException e) {
                    throw CareDeskFactory.invalid(
                            "care.facebook.graph-base-url", app.getGraphBaseUrl(), e.getMessage());
                }
            }
            try {
                pages.add(page.build());
            } catch (IllegalArgumentException e) {
                throw CareDeskFactory.invalid(key + ".account-id", pageId, e.getMessage());
            }
        }
        if (pages.isEmpty()) {
            throw CareDeskFactory.invalid(
                    "care.facebook.publish", true, "no channel in care.channels has platform facebook");
        }
        ChannelPublisher publisher = FacebookAdapter.create(clock, pages.toArray(FacebookAdapterConfig[]::new))
                .publisher();
        Map<ChannelId, ChannelPublisher> byChannel = new LinkedHashMap<>();
        pages.forEach(p -> byChannel.put(p.channel(), publisher));
        return new CareAccountPublishers(byChannel);
    }

    private static void secret(String key, String value) {
        if (value == null || value.isBlank()) {
            throw CareDeskFactory.invalid(key, null, "it must be set to publish on the Facebook pages");
        }
    }
}
