package org.socialcare.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.internal.runtime.MaskedFailure;

/**
 * Work that must wait until a storage transaction has committed: notifications and calls into the bank's
 * systems (they must not announce what may still roll back), and the teams whose queues changed. Not
 * thread-safe: one per transaction, used by one thread.
 */
public final class AfterCommit {
    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);

    private final List<Runnable> calls = new ArrayList<>();
    private final Set<TeamId> changedQueues = new LinkedHashSet<>();
    private int firings;

    public void later(Runnable call) {
        calls.add(call);
    }

    public void queueChanged(TeamId team) {
        changedQueues.add(team);
    }

    /** Counts an escalation rule firing made in this transaction. */
    public void fired() {
        firings++;
    }

    public int firings() {
        return firings;
    }

    public Set<TeamId> changedQueues() {
        return changedQueues;
    }

    /** Runs the deferred calls in order; one failing call is logged and does not stop the others. */
    public void run() {
        for (Runnable r : calls) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("deferred call failed: {}", MaskedFailure.describe(e), MaskedFailure.of(e));
            }
        }
        calls.clear();
    }
}
