package org.socialcare.core.port.out;

import java.util.function.Supplier;

/**
 * Runs work in one storage transaction: everything the stores do inside {@code work} commits together, or
 * nothing does when {@code work} throws (the exception is rethrown). A call inside a running transaction
 * joins it. Thread-safe; a transaction belongs to the calling thread.
 */
public interface TransactionManager {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
