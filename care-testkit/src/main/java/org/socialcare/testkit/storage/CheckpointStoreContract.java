package org.socialcare.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.port.out.CheckpointStore;

/**
 * Contract of a {@link CheckpointStore}.
 *
 * <p>Checks: an unknown source loads empty; a saved checkpoint loads back exactly (positions up to 1000
 * characters, JSON cursors, unicode, empty position); saving again replaces it; sources are independent.
 *
 * <p>The subclass provides {@link #createStore()}: a fresh, empty store, called before each test. Calls are
 * made outside any transaction: each must then commit on its own.
 */
public abstract class CheckpointStoreContract {
    /** The store under test, fresh for each test. */
    protected CheckpointStore store;

    /** A fresh, empty checkpoint store. */
    protected abstract CheckpointStore createStore();

    @BeforeEach
    void createStoreUnderTest() {
        store = createStore();
    }

    @Test
    void unknownSourceLoadsEmpty() {
        assertThat(store.load("twitter:bankcare:mentions")).isEmpty();
    }

    @Test
    void savedCheckpointLoadsBackExactly() {
        Checkpoint mentions = new Checkpoint("twitter:bankcare:mentions", "1790000000000000001");

        store.save(mentions);

        assertThat(store.load("twitter:bankcare:mentions")).contains(mentions);
    }

    @Test
    void savingAgainReplacesTheCheckpoint() {
        store.save(new Checkpoint("facebook:page:feed", "1"));

        Checkpoint newer = new Checkpoint("facebook:page:feed", "{\"after\":\"QVFIUmR4\u00e9\",\"since\":1772442000}");
        store.save(newer);

        assertThat(store.load("facebook:page:feed")).contains(newer);
    }

    @Test
    void sourcesAreIndependent() {
        Checkpoint mentions = new Checkpoint("twitter:bankcare:mentions", "100");
        Checkpoint dms = new Checkpoint("twitter:bankcare:dms", "cursor-\uD83D\uDE00");
        Checkpoint empty = new Checkpoint("webchat:1", "");
        store.save(mentions);
        store.save(dms);
        store.save(empty);
        store.save(new Checkpoint("twitter:bankcare:mentions", "200"));

        assertThat(store.load("twitter:bankcare:mentions"))
                .contains(new Checkpoint("twitter:bankcare:mentions", "200"));
        assertThat(store.load("twitter:bankcare:dms")).contains(dms);
        assertThat(store.load("webchat:1")).contains(empty);
        assertThat(store.load("twitter:bankcare")).isEmpty();
    }

    @Test
    void longPositionsAreKept() {
        Checkpoint big = new Checkpoint("custom:source", "p".repeat(1000));

        store.save(big);

        assertThat(store.load("custom:source")).contains(big);
    }
}
