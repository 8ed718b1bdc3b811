package org.socialcare.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.DeskEvent;
import org.socialcare.core.memory.InMemoryTransactionManager;
import org.socialcare.core.port.out.TransactionManager;

class DeskEventsTest {
    private final List<DeskEvent> delivered = new ArrayList<>();
    private final DeskEvents events = new DeskEvents(List.of(delivered::add));
    private final TransactionManager tx = events.deliveringAfterCommit(new InMemoryTransactionManager());

    private static DeskEvent paused(String channel) {
        return new DeskEvent.ChannelPaused(Instant.parse("2026-03-02T09:00:00Z"), ChannelId.of(channel), "system");
    }

    @Test
    void deliversOnlyWhenTheOutermostTransactionReturns() {
        List<Integer> seenInside = new ArrayList<>();
        tx.run(() -> {
            events.emit(paused("a"));
            tx.run(() -> events.emit(paused("b")));
            seenInside.add(delivered.size());
        });

        assertThat(seenInside).containsExactly(0);
        assertThat(delivered).containsExactly(paused("a"), paused("b"));
    }

    @Test
    void dropsTheEventsOfATransactionThatThrows() {
        assertThatThrownBy(() -> tx.run(() -> {
                    events.emit(paused("a"));
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");

        assertThat(delivered).isEmpty();
        tx.run(() -> events.emit(paused("c")));
        assertThat(delivered).containsExactly(paused("c"));
    }

    @Test
    void dropsOnlyTheEventsOfANestedCallThatThrows() {
        tx.run(() -> {
            events.emit(paused("a"));
            try {
                tx.run(() -> {
                    events.emit(paused("b"));
                    throw new IllegalStateException("inner");
                });
            } catch (IllegalStateException expected) {
                // the outer work goes on
            }
            events.emit(paused("c"));
        });

        assertThat(delivered).containsExactly(paused("a"), paused("c"));
    }

    @Test
    void deliversAtOnceOutsideATransaction() {
        events.emit(paused("a"));
        assertThat(delivered).containsExactly(paused("a"));
    }

    @Test
    void withoutListenersTheTransactionManagerIsNotWrapped() {
        TransactionManager plain = new InMemoryTransactionManager();
        assertThat(new DeskEvents(List.of()).deliveringAfterCommit(plain)).isSameAs(plain);
    }
}
