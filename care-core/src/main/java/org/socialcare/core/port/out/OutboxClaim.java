package org.socialcare.core.port.out;

import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Reply;

/**
 * One outbox entry leased to one dispatcher, with the fencing token of that lease. Every later write of the entry
 * by that dispatcher ({@link Outbox#updateClaimed}) succeeds only while the token is still the entry's current one:
 * a newer claim (after the lease ran out) or any unfenced {@link Outbox#update} changes it, and the old holder
 * learns that it lost the entry. Immutable.
 *
 * @param reply the entry as it was when claimed
 * @param token the fencing token; opaque, compared for equality only
 */
public record OutboxClaim(Reply reply, long token) {
    public OutboxClaim {
        Checks.notNull(reply, "reply");
    }

    /** The same claim (same token) for the entry's next state, as the dispatcher writes it. */
    public OutboxClaim with(Reply next) {
        return new OutboxClaim(next, token);
    }
}
