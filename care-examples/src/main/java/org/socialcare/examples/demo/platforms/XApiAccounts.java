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
import org.socialcare.emulators.x.XApiEmulator;
import org.socialcare.examples.demo.SimulatedMessage;
import org.socialcare.examples.demo.Story;
import org.socialcare.twitter.v2.XApiConfig;
import org.socialcare.twitter.v2.XChannelPublisher;
import org.socialcare.twitter.v2.XChannelSource;

/**
 * The Twitter accounts on X API v2: the adapter's {@link XChannelSource} (mentions, DM events) and
 * {@link XChannelPublisher} against an {@link XApiEmulator} per account, with OAuth 2.0 user context. The sources
 * and the publisher of an account share one config, so one refresh token (it works once) serves all three.
 */
final class XApiAccounts implements TwitterAccounts {
    private final Map<ChannelId, XApiEmulator> emulators;
    private final Map<ChannelId, XApiConfig> configs = new LinkedHashMap<>();

    private XApiAccounts(Map<ChannelId, XApiEmulator> emulators, Clock clock) {
        this.emulators = emulators;
        emulators.forEach((channel, emulator) -> configs.put(
                channel,
                EmulatorConfigs.x(emulator, channel)
                        .clock(clock)
                        .pollInterval(EmulatedPlatforms.POLL_INTERVAL)
                        .connectTimeout(EmulatedPlatforms.HTTP_TIMEOUT)
                        .readTimeout(EmulatedPlatforms.HTTP_TIMEOUT)
                        .build()));
    }

    static XApiAccounts start(List<Channel> channels, Clock clock) {
        Map<ChannelId, XApiEmulator> emulators = new LinkedHashMap<>();
        try {
            for (Channel ch : channels) {
                if (ch.platform().equals(Platform.TWITTER)) {
                    XApiEmulator emulator = XApiEmulator.builder()
                            .account(ch.platformAccountId(), ch.handle())
                            .clock(clock)
                            .start();
                    emulator.skipIds(EmulatedPlatforms.ID_RANGE * emulators.size());
                    emulators.put(ch.id(), emulator);
                }
            }
            return new XApiAccounts(emulators, clock);
        } catch (RuntimeException e) {
            emulators.values().forEach(XApiEmulator::close);
            throw e;
        }
    }

    @Override
    public Set<ChannelId> channels() {
        return emulators.keySet();
    }

    @Override
    public void configure(CareDesk.Builder builder) {
        configs.forEach((channel, config) -> builder.publisher(channel, XChannelPublisher.forAccount(config)));
    }

    @Override
    public List<ChannelSource> sources() {
        List<ChannelSource> out = new ArrayList<>();
        configs.values().forEach(config -> {
            out.add(XChannelSource.mentions(config));
            out.add(XChannelSource.directMessages(config));
        });
        return out;
    }

    @Override
    public String deliver(SimulatedMessage m) {
        XApiEmulator account = emulator(m.channel());
        Party a = m.author();
        XApiEmulator.User user = account.user(
                a.platformUserId(), a.handle(), a.displayName().orElse(a.handle()), a.followerCount(), a.verified());
        if (m.visibility() == Visibility.PUBLIC) {
            // the emulator writes "@username " in front of a mention itself
            String prefix = "@" + account.account().username() + " ";
            String text = m.text().startsWith(prefix) ? m.text().substring(prefix.length()) : m.text();
            return account.mentionAt(user, text, m.at(), m.story() == Story.SPANISH_COMPLAINT ? "es" : "en");
        }
        return account.directMessageFrom(user, m.text(), m.at());
    }

    @Override
    public void postFromApp(ChannelId channel, String text, String appName) {
        emulator(channel).ownPostFromApp(text, appName);
    }

    XApiEmulator emulator(ChannelId channel) {
        XApiEmulator e = emulators.get(channel);
        if (e == null) {
            throw new IllegalArgumentException(
                    "no X API v2 emulator for channel " + channel + "; emulated: " + emulators.keySet());
        }
        return e;
    }

    @Override
    public void close() {
        emulators.values().forEach(XApiEmulator::close);
    }
}
