package org.socialcare.examples.demo.platforms;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.examples.demo.SimulatedMessage;
import org.socialcare.examples.demo.Story;
import org.socialcare.twitter.Twitter4jChannelPublisher;
import org.socialcare.twitter.Twitter4jChannelSource;
import org.socialcare.twitter.TwitterAdapterConfig;

/** The Twitter accounts on the v1.1 REST API: twitter4j against a {@link TwitterApiEmulator} per account. */
final class Twitter4jAccounts implements TwitterAccounts {
    private final Map<ChannelId, TwitterApiEmulator> emulators;
    private final Map<ChannelId, TwitterAdapterConfig> configs = new LinkedHashMap<>();

    private Twitter4jAccounts(Map<ChannelId, TwitterApiEmulator> emulators, Clock clock) {
        this.emulators = emulators;
        emulators.forEach((channel, emulator) -> configs.put(
                channel,
                EmulatorConfigs.twitter(emulator, channel)
                        .clock(clock)
                        .pollInterval(EmulatedPlatforms.POLL_INTERVAL)
                        .connectTimeout(EmulatedPlatforms.HTTP_TIMEOUT)
                        .readTimeout(EmulatedPlatforms.HTTP_TIMEOUT)
                        .build()));
    }

    static Twitter4jAccounts start(List<Channel> channels, Clock clock) {
        Map<ChannelId, TwitterApiEmulator> emulators = new LinkedHashMap<>();
        try {
            for (Channel ch : channels) {
                if (ch.platform().equals(Platform.TWITTER)) {
                    TwitterApiEmulator emulator = TwitterApiEmulator.builder()
                            .account(Long.parseLong(ch.platformAccountId()), ch.handle())
                            .clock(clock)
                            .start();
                    emulator.skipIds(EmulatedPlatforms.ID_RANGE * emulators.size());
                    emulators.put(ch.id(), emulator);
                }
            }
            return new Twitter4jAccounts(emulators, clock);
        } catch (RuntimeException e) {
            emulators.values().forEach(TwitterApiEmulator::close);
            throw e;
        }
    }

    @Override
    public Set<ChannelId> channels() {
        return emulators.keySet();
    }

    @Override
    public void configure(CareDesk.Builder builder) {
        configs.forEach((channel, config) -> builder.publisher(channel, Twitter4jChannelPublisher.forAccount(config)));
    }

    @Override
    public List<ChannelSource> sources() {
        List<ChannelSource> out = new ArrayList<>();
        configs.values().forEach(config -> {
            out.add(Twitter4jChannelSource.mentions(config));
            out.add(Twitter4jChannelSource.directMessages(config));
        });
        return out;
    }

    @Override
    public String deliver(SimulatedMessage m) {
        TwitterApiEmulator account = emulator(m.channel());
        Party a = m.author();
        TwitterApiEmulator.User user = account.user(
                Long.parseLong(a.platformUserId()),
                a.handle(),
                a.displayName().orElse(a.handle()),
                a.followerCount(),
                a.verified());
        long id;
        if (m.visibility() == Visibility.PUBLIC) {
            // the emulator writes "@handle " in front of a mention itself
            String prefix = "@" + account.account().screenName() + " ";
            String text = m.text().startsWith(prefix) ? m.text().substring(prefix.length()) : m.text();
            id = account.mentionAt(user, text, m.at(), m.story() == Story.SPANISH_COMPLAINT ? "es" : "en");
        } else {
            id = account.directMessageFromCustomerAt(user, m.text(), m.at());
        }
        return Long.toString(id);
    }

    @Override
    public void postFromApp(ChannelId channel, String text, String appName) {
        emulator(channel).ownTweetFromApp(text, appName);
    }

    TwitterApiEmulator emulator(ChannelId channel) {
        TwitterApiEmulator e = emulators.get(channel);
        if (e == null) {
            throw new IllegalArgumentException(
                    "no v1.1 Twitter emulator for channel " + channel + "; emulated: " + emulators.keySet());
        }
        return e;
    }

    @Override
    public void close() {
        emulators.values().forEach(TwitterApiEmulator::close);
    }
}
