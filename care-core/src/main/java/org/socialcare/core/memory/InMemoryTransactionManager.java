package org.socialcare.core.memory;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.socialcare.core.port.out.TransactionManager;

/**
 * Serialises transactions with one re-entrant lock, so a batch's stores happen as one step for every other
 * thread. It cannot undo: when work throws, what it already stored stays. The desk's ingest is idempotent
 * (dedupe by message key, checkpoint saved last), so a retried batch completes the work. Thread-safe.
 */
public final class InMemoryTransactionManager implements TransactionManager {
    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
