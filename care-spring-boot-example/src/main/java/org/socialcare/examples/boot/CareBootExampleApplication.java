package org.socialcare.examples.boot;

import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.twitter.Twitter4jChannelPublisher;
import org.socialcare.twitter.TwitterAdapterConfig;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The whole integration of a care desk in a Spring Boot application: the starter wires the desk, storage,
 * webhooks, background work, health and metrics from {@code application.yml}; the application adds only what is
 * its own, here the Twitter publisher with its credentials.
 */
@SpringBootApplication
@EnableConfigurationProperties(TwitterPublishing.class)
public class CareBootExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(CareBootExampleApplication.class, args);
    }

    /** Publishes the desk's replies on the Twitter account (the starter hands every publisher bean to the desk). */
    @Bean
    ChannelPublisher twitterPublisher(TwitterPublishing twitter) {
        return Twitter4jChannelPublisher.forAccount(TwitterAdapterConfig.builder()
                .channel(ChannelId.of(twitter.channel()))
                .accountId(twitter.accountId())
                .consumer(twitter.consumerKey(), twitter.consumerSecret())
                .accessToken(twitter.accessToken(), twitter.accessTokenSecret())
                .restBaseUrl(twitter.restBaseUrl())
                .build());
    }
}
