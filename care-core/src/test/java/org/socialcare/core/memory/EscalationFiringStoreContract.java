package org.socialcare.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.escalation.EscalationFiring;
import org.socialcare.core.port.out.EscalationFiringStore;

/**
 * The contract every {@link EscalationFiringStore} keeps. Extend it with a few lines per implementation
 * (the JDBC module will; this belongs in care-testkit once that module holds the port TCKs).
 */
public abstract class EscalationFiringStoreContract {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final ConversationId C1 = ConversationId.of("c1");
    static final ConversationId C2 = ConversationId.of("c2");

    protected EscalationFiringStore store;

    /** A fresh, empty store. */
    protected abstract EscalationFiringStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    @Test
    void firstFiringIsEpisodeOneAndOpen() {
        Optional<EscalationFiring> f =
                store.fire(C1, "sla-breached", T0, "rule sla-breached: sla breached", List.of("notify"));
        assertThat(f).hasValueSatisfying(x -> {
            assertThat(x.episode()).isEqualTo(1);
            assertThat(x.isOpen()).isTrue();
            assertThat(x.actions()).containsExactly("notify");
            assertThat(x.firedAt()).isEqualTo(T0);
        });
        assertThat(store.open(C1)).containsExactly(f.get());
        assertThat(store.open(C2)).isEmpty();
    }

    @Test
    void ruleDoesNotFireTwiceWhileItsEpisodeIsOpen() {
        store.fire(C1, "fraud", T0, "rule fraud: risk FRAUD", List.of("notify"));
        assertThat(store.fire(C1, "fraud", T0.plusSeconds(60), "rule fraud: risk FRAUD", List.of("notify")))
                .isEmpty();
        assertThat(store.fire(C1, "legal", T0, "rule legal: risk LEGAL_THREAT", List.of("require-approval")))
                .isPresent();
        assertThat(store.fire(C2, "fraud", T0, "rule fraud: risk FRAUD", List.of("notify")))
                .isPresent();
        assertThat(store.history(C1)).hasSize(2);
    }

    @Test
    void endedEpisodeLetsTheRuleFireAgainAsTheNextEpisode() {
        store.fire(C1, "sla-breached", T0, "r", List.of("notify"));
        assertThat(store.endEpisode(C1, "sla-breached", T0.plus(Duration.ofMinutes(5))))
                .isTrue();
        assertThat(store.endEpisode(C1, "sla-breached", T0.plus(Duration.ofMinutes(6))))
                .as("nothing open any more")
                .isFalse();
        assertThat(store.open(C1)).isEmpty();
        assertThat(store.fire(C1, "sla-breached", T0.plus(Duration.ofHours(2)), "r", List.of("notify")))
                .hasValueSatisfying(f -> assertThat(f.episode()).isEqualTo(2));
        assertThat(store.history(C1)).extracting(EscalationFiring::episode).containsExactly(1, 2);
        assertThat(store.history(C1).get(0).endedAt()).contains(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void concurrentFiringsOfOneEpisodeRecordOnlyOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                tasks.add(() ->
                        store.fire(C1, "influencer", T0, "r", List.of("notify")).isPresent());
            }
            int winners = 0;
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(store.history(C1)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
