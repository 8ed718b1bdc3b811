package org.socialcare.core.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.port.out.ChannelPublisher;

/**
 * The desk's publishers: one per platform, overridden per channel. What a channel can do is asked of its
 * publisher ({@link ChannelPublisher#supports}); a channel without one falls back to what the domain assumes of
 * its platform ({@link ReplyKind#assumedAvailableOn}), and its entries wait at dispatch; a receive-only channel supports nothing. Not API. Immutable.
 */
public final class Publishers {
    private final Map<Platform, ChannelPublisher> byPlatform;
    private final Map<ChannelId, ChannelPublisher> byChannel;
    private final Set<ChannelId> receiveOnly;

    public Publishers(
            Map<Platform, ChannelPublisher> byPlatform,
            Map<ChannelId, ChannelPublisher> byChannel,
            Set<ChannelId> receiveOnly) {
        this.byPlatform = Map.copyOf(byPlatform);
        this.byChannel = Map.copyOf(byChannel);
        this.receiveOnly = Set.copyOf(receiveOnly);
    }

    /** Whether the desk only reads this channel (configured receive-only): nothing is published on it. */
    public boolean isReceiveOnly(ChannelId channel) {
        return receiveOnly.contains(channel);
    }

    /** The publisher of the channel: its own, else its platform's. */
    public Optional<ChannelPublisher> forChannel(Channel channel) {
        if (receiveOnly.contains(channel.id())) {
            return Optional.empty();
        }
        return Optional.ofNullable(byChannel.getOrDefault(channel.id(), byPlatform.get(channel.platform())));
    }

    /** Whether the channel can publish {@code kind}. */
    public boolean supports(Channel channel, ReplyKind kind) {
        if (receiveOnly.contains(channel.id())) {
            return false;
        }
        return forChannel(channel)
                .map(p -> p.supports(kind))
                .orElseGet(() -> kind.assumedAvailableOn(channel.platform()));
    }
}
