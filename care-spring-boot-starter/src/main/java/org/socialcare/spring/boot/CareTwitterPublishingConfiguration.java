package org.socialcare.spring.boot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.twitter.Twitter4jChannelPublisher;
import org.socialcare.twitter.TwitterAdapterConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With the Twitter adapter: a twitter4j publisher for every TWITTER channel that has its own access token in
 * {@code care.channels[n].twitter.*}, with the app's {@code care.twitter.consumer-key} and {@code consumer-secret}.
 * A token without its secret, or without the app's key, fails startup naming the missing property (never echoing a
 * secret).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.socialcare.twitter.Twitter4jChannelPublisher")
class CareTwitterPublishingConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "careTwitterAccountPublishers")
    CareAccountPublishers careTwitterAccountPublishers(CareProperties properties) {
        Map<ChannelId, ChannelPublisher> byChannel = new LinkedHashMap<>();
        List<CareProperties.ChannelProperties> channels = properties.getChannels();
        for (int i = 0; i < channels.size(); i++) {
            CareProperties.ChannelProperties c = channels.get(i);
            CareProperties.TwitterAccount account = c.getTwitter();
            if (!Platform.TWITTER.name().equalsIgnoreCase(c.getPlatform())
                    || (blank(account.getAccessToken()) && blank(account.getAccessTokenSecret()))) {
                continue;
            }
            String key = "care.channels[" + i + "]";
            secret(key + ".twitter.access-token", account.getAccessToken());
            secret(key + ".twitter.access-token-secret", account.getAccessTokenSecret());
            secret("care.twitter.consumer-key", properties.getTwitter().getConsumerKey());
            secret("care.twitter.consumer-secret", properties.getTwitter().getConsumerSecret());
            ChannelId channel = ChannelId.of(CareDeskFactory.required(key + ".id", c.getId()));
            TwitterAdapterConfig.Builder config = TwitterAdapterConfig.builder()
                    .channel(channel)
                    .accountId(CareDeskFactory.required(key + ".account-id", c.getAccountId()))
                    .consumer(
                            properties.getTwitter().getConsumerKey(),
                            properties.getTwitter().getConsumerSecret())
                    .accessToken(account.getAccessToken(), account.getAccessTokenSecret());
            String base = properties.getTwitter().getRestBaseUrl();
            if (!blank(base)) {
                try {
                    config.restBaseUrl(base);
                } catch (IllegalArgumentException e) {
                    throw CareDeskFactory.invalid("care.twitter.rest-base-url", base, e.getMessage());
                }
            }
            byChannel.put(channel, Twitter4jChannelPublisher.forAccount(config.build()));
        }
        return new CareAccountPublishers(byChannel);
    }

    /** Fails naming {@code key} when unset; the value is a secret and never part of the message. */
    private static void secret(String key, String value) {
        if (blank(value)) {
            throw CareDeskFactory.invalid(key, null, "it must be set to publish with the account's own credentials");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
