package org.socialcare.core.internal;

import java.util.Map;
import java.util.Optional;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.port.out.ChannelPublisher;

/**
 * The desk's publishers: one per platform, overridden per channel. What a channel can do is asked of its
 * publisher ({@link ChannelPublisher#supports}); a channel without one falls back to what the domain assumes of
 * its platform ({@link ReplyKind#assumedAvailableOn}), and its entries wait at dispatch. Not API. Immutable.
 */
public final class Publishers {
    private final Map<Platform, ChannelPublisher> byPlatform;
    private final Map<ChannelId, ChannelPublisher> byChannel;

    public Publishers(Map<Platform, ChannelPublisher> byPlatform, Map<ChannelId, ChannelPublisher> byChannel) {
        this.byPlatform = Map.copyOf(byPlatform);
        this.byChannel = Map.copyOf(byChannel);
    }

    /** The publisher of the channel: its own, else its platform's. */
    public Optional<ChannelPublisher> forChannel(Channel channel) {
        return Optional.ofNullable(byChannel.getOrDefault(channel.id(), byPlatform.get(channel.platform())));
    }

    /** Whether the channel can publish {@code kind}. */
    public boolean supports(Channel channel, ReplyKind kind) {
        return forChannel(channel)
                .map(p -> p.supports(kind))
                .orElseGet(() -> kind.assumedAvailableOn(channel.platform()));
    }
}
