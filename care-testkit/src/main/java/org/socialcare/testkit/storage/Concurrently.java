package org.socialcare.testkit.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs tasks on several threads released at the same instant, collecting each outcome. Test helper. */
final class Concurrently {
    private Concurrently() {}

    /** The value or the exception of one task. */
    record Outcome<T>(T value, Throwable error) {
        boolean succeeded() {
            return error == null;
        }
    }

    /** Runs {@code task.apply(i)} for i in 0..threads-1, all starting together; waits at most 30 s. */
    static <T> List<Outcome<T>> run(int threads, IntFunction<Callable<T>> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> callable = task.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return new Outcome<>(callable.call(), null);
                    } catch (Throwable t) {
                        return new Outcome<T>(null, t);
                    }
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> f : futures) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for concurrent tasks", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("concurrent tasks did not finish: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
