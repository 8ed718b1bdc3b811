package org.socialcare.core.internal.ops;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.error.ConcurrentUpdateException;
import org.socialcare.core.internal.AfterCommit;
import org.socialcare.core.internal.DeskContext;
import org.socialcare.core.port.in.SweepResult;

/**
 * The sweep: reviews conversations whose SLA or rule checkpoint is due, each in its own transaction, so its cost
 * grows with due work, not with open conversations. Not API. Thread-safe; several desks may sweep at once.
 */
public final class SlaSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(SlaSweeper.class);

    private final DeskContext ctx;
    private final EscalationReviewer reviewer;
    private final RoutingService routing;

    public SlaSweeper(DeskContext ctx, EscalationReviewer reviewer, RoutingService routing) {
        this.ctx = ctx;
        this.reviewer = reviewer;
        this.routing = routing;
    }

    /**
     * Reviews up to {@code limit} conversations whose checkpoint is due now, each in its own transaction (re-read
     * in it); touches nothing else. A conversation another desk changed meanwhile is skipped (it stays due) and its
     * review announces nothing: notifications and complaint requests run only after a review's transaction
     * committed.
     *
     * @throws IllegalArgumentException when {@code limit} is not positive
     */
    public SweepResult sweep(int limit) {
        Checks.positive(limit, "limit");
        if (!reviewer.hasTimeBasedRules()) {
            // Nothing changes with time alone: leave the checkpoints where they are (they also order the queue).
            return SweepResult.nothing();
        }
        Instant now = ctx.clock().instant();
        List<Conversation> due =
                ctx.tx().inTransaction(() -> ctx.storage().conversations().dueBy(now, limit));
        int reviewed = 0;
        int skipped = 0;
        int fired = 0;
        for (Conversation c : due) {
            AfterCommit after = new AfterCommit();
            try {
                ctx.tx().inTransaction(() -> {
                    // re-read inside the transaction: the due list was read in another one
                    ctx.storage()
                            .conversations()
                            .find(c.id())
                            .filter(fresh -> fresh.state().isActive())
                            .ifPresent(fresh -> reviewer.review(fresh, now, after));
                    routing.assignWaiting(after.changedQueues());
                    return null;
                });
                fired += after.firings();
                reviewed++;
            } catch (ConcurrentUpdateException e) {
                // The review rolled back: its notices and complaint requests must not go out (the next sweep decides
                // again).
                skipped++;
                LOG.debug("conversation {} changed during the sweep; next sweep takes it", c.id());
                continue;
            }
            after.run(); // only once the review's transaction committed
        }
        return new SweepResult(due.size(), reviewed, fired, skipped, due.size() == limit);
    }
}
