package org.socialcare.facebook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.Visibility;

/**
 * Remembers when each customer last wrote to a page on Messenger, so the publisher can refuse a free-form
 * message outside Messenger's 24-hour window with a typed error before calling Facebook. The webhook handler
 * and the polling source feed it with every private customer message they read; the publisher asks it.
 *
 * <p>It only knows what this process saw. When it knows nothing about a customer (after a restart, or when
 * another node read the message) the state is {@link State#UNKNOWN} and the publisher sends anyway: Facebook
 * then answers error 10 / subcode 2018278, which maps to the same {@code OUTSIDE_WINDOW} error. Thread-safe.
 */
public final class MessengerWindow {
    /** Whether a free-form message to the customer is allowed now. */
    public enum State {
        OPEN,
        CLOSED,
        UNKNOWN
    }

    private static final int PRUNE_ABOVE = 100_000;

    private final Duration window;
    private final Clock clock;
    private final Map<String, Instant> lastCustomerMessage = new ConcurrentHashMap<>();

    /** @throws IllegalArgumentException if {@code window} is not positive */
    public MessengerWindow(Duration window, Clock clock) {
        Objects.requireNonNull(window, "window must not be null");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be a positive duration but was " + window);
        }
        this.window = window;
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** The standard 24-hour window. */
    public static MessengerWindow standard(Clock clock) {
        return new MessengerWindow(FacebookAdapterConfig.DEFAULT_MESSAGING_WINDOW, clock);
    }

    public Duration window() {
        return window;
    }

    /** Records that the customer (page-scoped id) wrote to the page at {@code at}; keeps the latest time. */
    public void customerWrote(String pageId, String psid, Instant at) {
        lastCustomerMessage.merge(key(pageId, psid), Objects.requireNonNull(at, "at"), (a, b) -> a.isAfter(b) ? a : b);
        if (lastCustomerMessage.size() > PRUNE_ABOVE) {
            Instant cutoff = clock.instant().minus(window);
            lastCustomerMessage.values().removeIf(t -> t.isBefore(cutoff));
        }
    }

    /** Records every PRIVATE message of {@code messages} as written to {@code pageId}. */
    public void observe(String pageId, List<InboundMessage> messages) {
        for (InboundMessage m : messages) {
            if (m.visibility() == Visibility.PRIVATE) {
                customerWrote(pageId, m.author().platformUserId(), m.createdAt());
            }
        }
    }

    public Optional<Instant> lastCustomerMessage(String pageId, String psid) {
        return Optional.ofNullable(lastCustomerMessage.get(key(pageId, psid)));
    }

    /** OPEN within the window after the customer's last message, CLOSED after it, UNKNOWN if never seen. */
    public State state(String pageId, String psid) {
        Instant now = clock.instant();
        return lastCustomerMessage(pageId, psid)
                .map(t -> now.isAfter(t.plus(window)) ? State.CLOSED : State.OPEN)
                .orElse(State.UNKNOWN);
    }

    private static String key(String pageId, String psid) {
        return Objects.requireNonNull(pageId, "pageId") + "/" + Objects.requireNonNull(psid, "psid");
    }
}
