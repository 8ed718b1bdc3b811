package org.socialcare.core.memory;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.socialcare.core.port.out.TransactionManager;

/**
 * Serialises transactions with one re-entrant lock, so a batch's stores happen as one step for every other
 * thread. It cannot undo: when work throws, what it already stored stays. The desk is written for that: ingest
 * runs every pure step of a message (threading, triage, moderation, SLA scheduling) before its first write and
 * stores the message right before its conversation, so a failing policy leaves nothing of that message behind;
 * messages already completed stay, and since ingest is idempotent (dedupe by message key, checkpoint saved last)
 * a retried batch completes the rest. Only a store failing between those writes (not expected in memory) could
 * leave a message without its conversation change. Thread-safe.
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
