package org.socialcare.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.testkit.TestData.at;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.port.out.DeadLetterStore;
import org.socialcare.testkit.TestData;

/**
 * Contract of a {@link DeadLetterStore}.
 *
 * <p>Checks: the raw payload comes back byte for byte (unicode outside the BMP, control characters, quotes,
 * invalid JSON, a 120 000-character body of about 180 KB in UTF-8, an empty body), with source, reason and time;
 * {@code recent(limit)} returns the last {@code limit} put, oldest first; {@code open} pages the dead letters not yet
 * reprocessed in the order they were put; {@code markReprocessed} marks one exactly once, also when eight threads
 * race for it, after which it is neither open nor found.
 *
 * <p>The subclass provides {@link #createStore()}: a fresh, empty store, called before each test. Calls are
 * made outside any transaction: each must then commit on its own.
 */
public abstract class DeadLetterStoreContract {
    /** The store under test, fresh for each test. */
    protected DeadLetterStore store;

    /** A fresh, empty dead-letter store. */
    protected abstract DeadLetterStore createStore();

    @BeforeEach
    void createStoreUnderTest() {
        store = createStore();
    }

    @Test
    void rawPayloadIsKeptByteForByte() {
        String raw =
                "{\"text\":\"Caf\u00e9 \uD83D\uDCB3 \u4e2d\u6587 \\u00e9 'x' \\\"y\\\"\",\r\n\t\"broken\": [1, 2,\u001b }";
        DeadLetter letter = TestData.deadLetter(raw, at(0).plusNanos(7_000));

        store.put(letter);

        DeadLetter read = store.recent(1).get(0);
        assertThat(read).isEqualTo(letter);
        assertThat(read.rawPayload().getBytes(StandardCharsets.UTF_8)).isEqualTo(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void largeAndEmptyPayloadsAreKept() {
        DeadLetter large = TestData.deadLetter("{\"data\":\"" + "\u00e9x".repeat(60_000) + "\"}", at(1));
        DeadLetter empty = TestData.deadLetter("", at(2));

        store.put(large);
        store.put(empty);

        assertThat(store.recent(2)).containsExactly(large, empty);
    }

    @Test
    void recentReturnsTheLastPutOldestFirst() {
        List<DeadLetter> put = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            DeadLetter letter = TestData.deadLetter("payload " + i, at(i));
            put.add(letter);
            store.put(letter);
        }

        assertThat(store.recent(3)).containsExactlyElementsOf(put.subList(4, 7));
        assertThat(store.recent(100)).containsExactlyElementsOf(put);
    }

    @Test
    void emptyStoreReadsEmpty() {
        assertThat(store.recent(10)).isEmpty();
    }

    @Test
    void openPagesTheLettersNotYetReprocessedInTheOrderTheyWerePut() {
        List<DeadLetter> put = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            DeadLetter letter = TestData.deadLetter("payload " + i, at(i));
            put.add(letter);
            store.put(letter);
        }
        assertThat(store.markReprocessed(put.get(2).id(), at(10))).isTrue();

        List<DeadLetter> first = store.open(Optional.empty(), 2);
        List<DeadLetter> second = store.open(Optional.of(first.get(1).id()), 2);
        List<DeadLetter> third = store.open(Optional.of(second.get(1).id()), 2);

        assertThat(first).containsExactly(put.get(0), put.get(1));
        assertThat(second).containsExactly(put.get(3), put.get(4));
        assertThat(third).containsExactly(put.get(5));
        assertThat(store.open(Optional.of(put.get(5).id()), 2)).isEmpty();
        assertThat(store.open(Optional.of(put.get(2).id()), 1))
                .as("paging after a reprocessed letter goes on from where it was put")
                .containsExactly(put.get(3));
        assertThat(store.recent(10)).as("recent still lists every letter").containsExactlyElementsOf(put);
    }

    @Test
    void aReprocessedLetterIsMarkedOnceAndIsNoLongerFound() {
        DeadLetter letter = TestData.deadLetter("{\"bad\":", at(0));
        store.put(letter);
        assertThat(store.findOpen(letter.id())).contains(letter);

        assertThat(store.markReprocessed(letter.id(), at(1))).isTrue();

        assertThat(store.markReprocessed(letter.id(), at(2))).isFalse();
        assertThat(store.findOpen(letter.id())).isEmpty();
        assertThat(store.open(Optional.empty(), 10)).isEmpty();
        assertThat(store.markReprocessed("no-such-letter", at(3))).isFalse();
        assertThat(store.findOpen("no-such-letter")).isEmpty();
    }

    @Test
    void eightThreadsRacingToMarkOneLetterMarkItOnce() throws Exception {
        DeadLetter letter = TestData.deadLetter("payload", at(0));
        store.put(letter);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> marks = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Boolean> mark = () -> {
                    start.await();
                    return store.markReprocessed(letter.id(), at(1));
                };
                marks.add(pool.submit(mark));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> m : marks) {
                won += m.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
