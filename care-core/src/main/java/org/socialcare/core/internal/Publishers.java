package org.socialcare.core.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.port.out.ChannelPublisher;

/**
 * The desk's publishers: one per platform, overridden per channel. What a channel can do is asked of its
 * publisher ({@link ChannelPublisher#supports}); a channel without one falls back to what the domain assumes of
 * its platform ({@link ReplyKind#assumedAvailableOn}), and its entries wait at dispatch; a receive-only channel supports nothing. Not API.
 * Thread-safe: the platforms' publishers are fixed at build time; a channel's own publisher and its receive-only
 * mark may be set and dropped while the desk runs (a channel added or retired by an operator).
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
        this.byChannel = new ConcurrentHashMap<>(byChannel);
        this.receiveOnly = ConcurrentHashMap.newKeySet();
        this.receiveOnly.addAll(receiveOnly);
    }

    /** Whether a channel on {@code platform} without its own publisher would have one: its platform's. */
    public boolean hasPlatformPublisher(Platform platform) {
        return byPlatform.containsKey(platform);
    }

    /**
     * Sets what a channel added at run time publishes with: its own publisher, else its platform's; or nothing when
     * {@code receiveOnly}. Replaces what an earlier channel with that id had.
     */
    public void set(ChannelId channel, Optional<ChannelPublisher> own, boolean receiveOnly) {
        byChannel.remove(channel);
        own.ifPresent(p -> byChannel.put(channel, p));
        if (receiveOnly) {
            this.receiveOnly.add(channel);
        } else {
            this.receiveOnly.remove(channel);
        }
    }

    /** What the channel publishes with now, to put back with {@link #restore} when a change is undone. */
    public Setting setting(ChannelId channel) {
        return new Setting(Optional.ofNullable(byChannel.get(channel)), receiveOnly.contains(channel));
    }

    /** Puts back what {@link #setting} read. */
    public void restore(ChannelId channel, Setting setting) {
        set(channel, setting.own(), setting.receiveOnly());
    }

    /** A channel's own publisher and receive-only mark. */
    public record Setting(Optional<ChannelPublisher> own, boolean receiveOnly) {}

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
