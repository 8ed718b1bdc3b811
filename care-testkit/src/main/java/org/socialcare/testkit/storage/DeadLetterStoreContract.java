package org.socialcare.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.testkit.TestData.at;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.port.out.DeadLetterStore;
import org.socialcare.testkit.TestData;

/**
 * Contract of a {@link DeadLetterStore}.
 *
 * <p>Checks: the raw payload comes back byte for byte (unicode outside the BMP, control characters, quotes,
 * invalid JSON, a 120 000-character body of about 180 KB in UTF-8, an empty body), with source, reason and time; {@code recent(limit)} returns the
 * last {@code limit} put, oldest first.
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
}
