package org.socialcare.examples.demo.platforms;

import java.time.Duration;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.emulators.facebook.GraphApiEmulator;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.facebook.FacebookAdapterConfig;
import org.socialcare.twitter.TwitterAdapterConfig;

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
