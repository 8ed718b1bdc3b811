package org.socialcare.spring.boot;

import java.util.Map;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.port.out.ChannelPublisher;

/**
 * Publishers the starter built from an account's own credentials in {@code care.channels[n].*}, by channel; the
 * desk publishes those channels' replies with them ({@code CareDesk.Builder.publisher(channel, ..)}). Immutable.
 *
 * @param byChannel the publisher of each channel
 */
record CareAccountPublishers(Map<ChannelId, ChannelPublisher> byChannel) {
    CareAccountPublishers {
        byChannel = Map.copyOf(byChannel);
    }
}
