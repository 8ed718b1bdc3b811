package org.socialcare.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.memory.InMemoryChannelStateStore;
import org.socialcare.core.port.out.ChannelStateStore;

class ChannelSwitchesTest {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final Channel BANK =
            Channel.of("bank", Platform.TWITTER, "Bank", "9000", ChannelKind.BRAND, TeamId.of("care"));
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    /** Counts reads; can run something while a read is in flight, to stand for another thread. */
    static final class SpyStore implements ChannelStateStore {
        final InMemoryChannelStateStore inner = new InMemoryChannelStateStore();
        final AtomicInteger reads = new AtomicInteger();
        Runnable duringRead = () -> {};

        @Override
        public void pause(ChannelId channel, String reason, String actor, Instant at) {
            inner.pause(channel, reason, actor, at);
        }

        @Override
        public void resume(ChannelId channel, String actor, Instant at) {
            inner.resume(channel, actor, at);
        }

        @Override
        public Optional<Recorded> state(ChannelId channel) {
            reads.incrementAndGet();
            Optional<Recorded> read = inner.state(channel);
            Runnable r = duringRead;
            duringRead = () -> {};
            r.run();
            return read;
        }

        @Override
        public List<Recorded> paused() {
            return inner.paused();
        }
    }

    final SpyStore store = new SpyStore();
    final ChannelRegistry registry = new ChannelRegistry(List.of(BANK), List.of(), Clock.fixed(T0, ZoneOffset.UTC));
    final ChannelSwitches switches = new ChannelSwitches(store, registry, MAX_AGE);

    @Test
    void storeIsReadAgainOnlyOnceTheLastReadIsMaxAgeOld() {
        switches.refresh(BANK.id(), T0);
        switches.refresh(BANK.id(), T0.plus(MAX_AGE).minusMillis(1));
        assertThat(store.reads).hasValue(1);

        store.inner.pause(BANK.id(), "hijack seen on desk 2", "system", T0.plusSeconds(1));
        switches.refresh(BANK.id(), T0.plus(MAX_AGE));

        assertThat(store.reads).hasValue(2);
        assertThat(registry.get(BANK.id()).isActive()).isFalse();
        assertThat(registry.health(BANK.id()).lastError())
                .hasValueSatisfying(
                        e -> assertThat(e).contains("hijack seen on desk 2").contains("system"));
    }

    @Test
    void clockGoingBackwardsReadsTheStoreAgain() {
        switches.refresh(BANK.id(), T0);
        switches.refresh(BANK.id(), T0.minusSeconds(1));

        assertThat(store.reads).hasValue(2);
    }

    @Test
    void staleReadDoesNotUndoAPauseMadeHereWhileItWasInFlight() {
        store.inner.resume(BANK.id(), "supervisor:sam", T0);
        store.duringRead = () -> switches.pause(BANK.id(), "suspected hijack", "system", T0.plusSeconds(1));

        switches.refresh(BANK.id(), T0.plusSeconds(1));

        assertThat(registry.get(BANK.id()).isActive())
                .as("the read saw ACTIVE, but the pause came after it")
                .isFalse();
        assertThat(store.inner.state(BANK.id()))
                .map(ChannelStateStore.Recorded::isPaused)
                .contains(true);
    }

    @Test
    void channelWithoutARecordKeepsItsLocalState() {
        registry.pause(BANK.id(), "configured by hand");

        switches.refresh(BANK.id(), T0);

        assertThat(registry.get(BANK.id()).isActive()).isFalse();
    }

    @Test
    void resumeRecordedElsewhereResumesThisDesk() {
        switches.pause(BANK.id(), "maintenance", "supervisor:sam", T0);
        store.inner.resume(BANK.id(), "supervisor:ana", T0.plusSeconds(2));

        switches.refresh(BANK.id(), T0.plus(MAX_AGE));

        assertThat(registry.get(BANK.id()).isActive()).isTrue();
    }
}
