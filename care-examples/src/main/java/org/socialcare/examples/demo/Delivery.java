package org.socialcare.examples.demo;

import java.time.Instant;
import java.util.List;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.ChannelId;

/**
 * How simulated customer messages reach the desk: straight into {@link CareDesk#ingest}, or through the real
 * platform adapters and their local emulators (polling and webhooks over HTTP).
 */
public interface Delivery extends AutoCloseable {
    /** Hands the platforms these customer messages (they are "posted" now). */
    void post(List<SimulatedMessage> messages);

    /** Lets the desk take what the platforms hold (poll due sources); called once per simulated minute. */
    void pump();

    /**
     * Story 9: whoever took over the bank's account posts on it with a client app the bank never approved
     * ({@code appName}); the desk sees it as an echo its outbox did not send.
     */
    void postAsAccount(ChannelId channel, String text, String appName, Instant at);

    /**
     * The simulated message id behind a platform message id: the emulators hand out their own ids, so the
     * simulated agents look the story of a message up through this. Identity by default.
     */
    default String simulatedId(String platformMessageId) {
        return platformMessageId;
    }

    @Override
    default void close() {}
}
