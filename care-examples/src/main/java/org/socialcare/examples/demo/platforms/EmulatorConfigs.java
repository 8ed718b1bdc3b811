package org.socialcare.examples.demo.platforms;

import java.time.Duration;
import java.util.Optional;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.emulators.facebook.GraphApiEmulator;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.emulators.x.XApiEmulator;
import org.socialcare.facebook.FacebookAdapterConfig;
import org.socialcare.twitter.TwitterAdapterConfig;
import org.socialcare.twitter.v2.XApiConfig;
import org.socialcare.twitter.v2.XAuth;

/**
 * Adapter configurations pointed at the local emulators: their base URLs, accounts and credentials. The
 * emulators know nothing of the adapters (they are test support, the adapters are libraries), so the wiring
 * between the two lives here, on the demo's side. Stateless; thread-safe.
 */
public final class EmulatorConfigs {
    private EmulatorConfigs() {}

    /**
     * A Twitter adapter config builder for {@code channel} holding the emulator's base URL, account and OAuth
     * credentials; add what differs (clock, poll interval, page sizes) and build.
     */
    public static TwitterAdapterConfig.Builder twitter(TwitterApiEmulator emulator, ChannelId channel) {
        return TwitterAdapterConfig.builder()
                .channel(channel)
                .accountId(Long.toString(emulator.account().id()))
                .screenName(emulator.account().screenName())
                .consumer(emulator.consumerKey(), emulator.consumerSecret())
                .accessToken(emulator.accessToken(), emulator.accessTokenSecret())
                .restBaseUrl(emulator.restBaseUrl())
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10));
    }

    /**
     * An X API v2 config builder for {@code channel} holding the emulator's base URL and account, with OAuth 2.0
     * user context (a confidential client holding the emulator's current access and refresh token; the token
     * endpoint is the emulator's); add what differs (clock, poll interval, timeouts) and build.
     */
    public static XApiConfig.Builder x(XApiEmulator emulator, ChannelId channel) {
        XAuth auth = XAuth.oauth2User(
                emulator.clientId(),
                emulator.clientSecret()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "the demo's X accounts use a confidential OAuth 2.0 client, but " + emulator
                                        + " has a public one")),
                new XAuth.OAuth2Token(
                        emulator.accessToken(), emulator.accessTokenExpiresAt(), Optional.of(emulator.refreshToken())));
        return XApiConfig.builder()
                .channel(channel)
                .accountId(emulator.account().id())
                .auth(auth)
                .baseUrl(emulator.baseUrl());
    }

    /**
     * A Facebook adapter config builder holding the emulator's page id, page token, app secret and base URL; set
     * the channel and the verify token, then build.
     */
    public static FacebookAdapterConfig.Builder facebook(GraphApiEmulator graph) {
        return FacebookAdapterConfig.builder()
                .pageId(graph.pageId())
                .pageAccessToken(graph.pageToken())
                .appSecret(graph.appSecret())
                .graphBaseUrl(graph.baseUrl());
    }
}
