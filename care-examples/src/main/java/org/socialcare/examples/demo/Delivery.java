package org.socialcare.examples.demo;

import java.util.List;
import org.socialcare.core.CareDesk;

/**
 * How simulated customer messages reach the desk: straight into {@link CareDesk#ingest}, or through the real
 * platform adapters and their local emulators (polling and webhooks over HTTP).
 */
public interface Delivery extends AutoCloseable {
    /** Hands the platforms these customer messages (they are "posted" now). */
    void post(List<SimulatedMessage> messages);

    /** Lets the desk take what the platforms hold (poll due sources); called once per simulated minute. */
    void pump();

    @Override
    default void close() {}
}
