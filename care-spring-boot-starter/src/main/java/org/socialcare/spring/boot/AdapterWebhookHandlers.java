package org.socialcare.spring.boot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.port.out.WebhookHandler;
import org.socialcare.facebook.FacebookAdapterConfig;
import org.socialcare.facebook.FacebookWebhookHandler;
import org.socialcare.facebook.MessengerWindow;
import org.socialcare.twitter.TwitterWebhookHandler;

/**
 * Builds the adapters' webhook handlers from {@link CareProperties}. Only loaded when the adapter is on the
 * classpath (see {@link CareWebhookConfiguration}). Secrets go into the handlers, never into messages. Stateless.
 */
final class AdapterWebhookHandlers {
    private AdapterWebhookHandlers() {}

    /** One handler for every TWITTER channel, verifying with {@code care.twitter.consumer-secret}. */
    static WebhookHandler twitter(CareProperties properties) {
        String secret = CareDeskFactory.required(
                "care.twitter.consumer-secret", properties.getTwitter().getConsumerSecret());
        TwitterWebhookHandler.Builder builder = TwitterWebhookHandler.builder().consumerSecret(secret);
        List<CareProperties.ChannelProperties> channels = properties.getChannels();
        for (int i = 0; i < channels.size(); i++) {
            CareProperties.ChannelProperties c = channels.get(i);
            if (Platform.TWITTER.name().equalsIgnoreCase(c.getPlatform())) {
                builder.account(
                        CareDeskFactory.required("care.channels[" + i + "].account-id", c.getAccountId()),
                        ChannelId.of(CareDeskFactory.required("care.channels[" + i + "].id", c.getId())));
            }
        }
        return builder.build();
    }

    /** One handler for every FACEBOOK page, with {@code care.facebook.app-secret} and {@code verify-token}. */
    static WebhookHandler facebook(CareProperties properties, Clock clock) {
        String secret = CareDeskFactory.required(
                "care.facebook.app-secret", properties.getFacebook().getAppSecret());
        String verify = CareDeskFactory.required(
                "care.facebook.verify-token", properties.getFacebook().getVerifyToken());
        List<FacebookAdapterConfig> pages = new ArrayList<>();
        List<CareProperties.ChannelProperties> channels = properties.getChannels();
        for (int i = 0; i < channels.size(); i++) {
            CareProperties.ChannelProperties c = channels.get(i);
            if (!Platform.FACEBOOK.name().equalsIgnoreCase(c.getPlatform())) {
                continue;
            }
            String key = "care.channels[" + i + "]";
            String pageId = CareDeskFactory.required(key + ".account-id", c.getAccountId());
            try {
                pages.add(FacebookAdapterConfig.builder()
                        .channel(ChannelId.of(CareDeskFactory.required(key + ".id", c.getId())))
                        .pageId(pageId)
                        .pageAccessToken(CareDeskFactory.required(key + ".page-access-token", c.getPageAccessToken()))
                        .appSecret(secret)
                        .verifyToken(verify)
                        .build());
            } catch (IllegalArgumentException e) {
                throw CareDeskFactory.invalid(key + ".account-id", pageId, e.getMessage());
            }
        }
        return new FacebookWebhookHandler(pages, MessengerWindow.standard(clock), clock);
    }
}
