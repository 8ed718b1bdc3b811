package org.socialcare.examples.demo.platforms;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.examples.demo.SimulatedMessage;

/**
 * The bank's Twitter accounts in the emulated demo, on one X API: an emulator per account, the adapter's
 * publisher and its mention and DM sources per account. Not thread-safe: the simulation thread drives it.
 */
interface TwitterAccounts extends AutoCloseable {
    /**
     * Twitter accounts on {@code api}, one emulator per Twitter channel in {@code channels}, each with an id range
     * of its own (post ids are global).
     */
    static TwitterAccounts start(XApiVersion api, List<Channel> channels, Clock clock) {
        return api == XApiVersion.V2 ? XApiAccounts.start(channels, clock) : Twitter4jAccounts.start(channels, clock);
    }

    /** The channels served. */
    Set<ChannelId> channels();

    /** Adds a publisher per account. */
    void configure(CareDesk.Builder builder);

    /** The mentions and DM sources of every account, in channel order. */
    List<ChannelSource> sources();

    /** The customer's message becomes a mention or a DM of its channel's account; returns the platform id. */
    String deliver(SimulatedMessage message);

    /** The account of {@code channel} posts {@code text}, mentioning itself, from client app {@code appName}. */
    void postFromApp(ChannelId channel, String text, String appName);

    /** Stops the emulators. */
    @Override
    void close();
}
