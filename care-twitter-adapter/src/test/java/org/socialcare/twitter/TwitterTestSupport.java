package org.socialcare.twitter;

import java.time.Duration;
import org.socialcare.core.CareDesk;
import org.socialcare.core.DeskSettings;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.emulators.twitter.TwitterApiEmulator;

/** Shared wiring for tests: an emulator, an adapter config pointing at it, and a real in-memory desk. */
final class TwitterTestSupport {
    static final ChannelId CHANNEL = ChannelId.of("twitter-care");
    static final TeamId TEAM = TeamId.of("social");

    private TwitterTestSupport() {}

    static TwitterApiEmulator emulator() {
        return TwitterApiEmulator.builder().account(1001, "bankcare").start();
    }

    static TwitterAdapterConfig config(TwitterApiEmulator emulator) {
        return adapterConfig(emulator, CHANNEL).build();
    }

    /** A config builder pointed at the emulator: its base URL, account and credentials. */
    static TwitterAdapterConfig.Builder adapterConfig(TwitterApiEmulator emulator, ChannelId channel) {
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

    /** A loopback port nothing listens on (bound, then closed): connecting to it is refused. */
    static int closedPort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Channel channel(TwitterApiEmulator emulator) {
        return Channel.of(
                CHANNEL.value(),
                Platform.TWITTER,
                emulator.account().screenName(),
                Long.toString(emulator.account().id()),
                ChannelKind.DEDICATED_CARE,
                TEAM);
    }

    static CareDesk desk(TwitterApiEmulator emulator, TwitterAdapterConfig config) {
        return CareDesk.builder()
                .storage(InMemoryStorage.create())
                .settings(DeskSettings.ofDefaults().withRetry(Duration.ofMillis(1), Duration.ofMillis(2)))
                .team(Team.of(TEAM.value(), "Social care"))
                .agent(Agent.of("ana", "Ana", "AN", TEAM))
                .channel(channel(emulator))
                .publisher(Twitter4jChannelPublisher.forAccount(config))
                .build();
    }
}
