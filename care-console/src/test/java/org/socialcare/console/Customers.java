package org.socialcare.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.Visibility;
import org.socialcare.examples.demo.BankSetup;
import org.socialcare.examples.demo.SimulatedMessage;
import org.socialcare.examples.demo.Story;

/**
 * Test customers who write to Northbank's Facebook page through the Graph API emulator and the signed webhook (the
 * live feed's path), so each test has its own conversation; and the look-up of that conversation in the queue.
 */
final class Customers {
    /** A Luhn-valid test card number (no real card), as a customer pastes it. */
    static final String CARD = "4539 1488 0343 6467";

    private static final AtomicLong NEXT = new AtomicLong(9_100_000);

    private Customers() {}

    /** A new customer's public comment on the page, delivered now; returns the conversation it opened. */
    static Conversation comment(LiveFeed feed, CareDesk desk, String name, String text) {
        String id = String.valueOf(NEXT.incrementAndGet());
        Party customer = new Party(id, name.toLowerCase(java.util.Locale.ROOT) + id, Optional.of(name), 40, false);
        Instant now = desk.clock().instant();
        feed.deliver(List.of(new SimulatedMessage(
                "t" + id,
                now,
                BankSetup.FACEBOOK_PAGE,
                customer,
                Visibility.PUBLIC,
                text,
                Story.QUESTION,
                Optional.empty())));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            Optional<Conversation> found = desk.queue(BankSetup.SOCIAL_CARE, 1000).stream()
                    .filter(c -> c.customer().platformUserId().equals(id))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            feed.pump();
        }
        throw new AssertionError("the comment of customer " + id + " never reached the queue");
    }

    static TeamId team() {
        return BankSetup.SOCIAL_CARE;
    }
}
