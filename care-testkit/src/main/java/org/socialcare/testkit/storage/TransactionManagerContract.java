package org.socialcare.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.port.out.TransactionManager;

/**
 * Contract of a {@link TransactionManager}, the part every implementation can promise (the in-memory one
 * included): the work's result is returned; a runtime exception or error thrown by the work comes out
 * unchanged (same instance), also from a nested call; a nested call joins the running transaction and runs on
 * the caller's thread; {@code run} runs the work once; the manager is usable again after a failure and from
 * several threads at once. That writes are undone on failure is checked by {@link RollbackContract}.
 *
 * <p>The subclass provides {@link #createTransactionManager()}, called before each test.
 */
public abstract class TransactionManagerContract {
    /** The manager under test, fresh for each test. */
    protected TransactionManager transactions;

    /** The transaction manager under test. */
    protected abstract TransactionManager createTransactionManager();

    @BeforeEach
    void createManagerUnderTest() {
        transactions = createTransactionManager();
    }

    @Test
    void returnsTheWorksResult() {
        assertThat(transactions.inTransaction(() -> "done")).isEqualTo("done");
        assertThat(transactions.<Object>inTransaction(() -> null)).isNull();
    }

    @Test
    void rethrowsTheWorksExceptionUnchanged() {
        IllegalStateException failure = new IllegalStateException("boom");

        Throwable thrown = catchThrowable(() -> transactions.inTransaction(() -> {
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
    }

    @Test
    void rethrowsAnErrorUnchanged() {
        AssertionError failure = new AssertionError("fatal");

        Throwable thrown = catchThrowable(() -> transactions.run(() -> {
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
    }

    @Test
    void nestedCallJoinsAndRunsOnTheCallersThread() {
        Thread caller = Thread.currentThread();

        String result = transactions.inTransaction(() -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            return transactions.inTransaction(() -> {
                        assertThat(Thread.currentThread()).isSameAs(caller);
                        return "inner";
                    })
                    + "+outer";
        });

        assertThat(result).isEqualTo("inner+outer");
    }

    @Test
    void nestedExceptionComesOutOfTheOuterCallUnchanged() {
        IllegalArgumentException failure = new IllegalArgumentException("inner failure");

        Throwable thrown = catchThrowable(() -> transactions.inTransaction(() -> transactions.inTransaction(() -> {
            throw failure;
        })));

        assertThat(thrown).isSameAs(failure);
    }

    @Test
    void runRunsTheWorkOnce() {
        AtomicInteger runs = new AtomicInteger();

        transactions.run(runs::incrementAndGet);

        assertThat(runs).hasValue(1);
    }

    @Test
    void isUsableAgainAfterAFailure() {
        catchThrowable(() -> transactions.run(() -> {
            throw new IllegalStateException("first fails");
        }));

        assertThat(transactions.inTransaction(() -> 42)).isEqualTo(42);
    }

    @Test
    void servesSeveralThreadsAtOnce() {
        List<Concurrently.Outcome<Integer>> outcomes = Concurrently.run(6, i -> () -> {
            int sum = 0;
            for (int k = 0; k < 20; k++) {
                int value = k;
                sum += transactions.inTransaction(() -> value);
            }
            return sum;
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.value()).isEqualTo(190));
    }
}
