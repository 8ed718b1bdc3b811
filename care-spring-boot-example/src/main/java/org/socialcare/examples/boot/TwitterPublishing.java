package org.socialcare.examples.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The example's Twitter publishing credentials ({@code example.twitter.*}): the application, not the starter,
 * owns how it gets them (here properties; in a bank, a secret store). Immutable.
 *
 * @param channel the care channel id the account serves
 * @param accountId the account's Twitter user id
 * @param consumerKey the app's consumer key
 * @param consumerSecret the app's consumer secret
 * @param accessToken the account's access token
 * @param accessTokenSecret the account's access token secret
 * @param restBaseUrl the REST API base (the emulator's in tests)
 */
@ConfigurationProperties(prefix = "example.twitter")
public record TwitterPublishing(
        String channel,
        String accountId,
        String consumerKey,
        String consumerSecret,
        String accessToken,
        String accessTokenSecret,
        String restBaseUrl) {}
