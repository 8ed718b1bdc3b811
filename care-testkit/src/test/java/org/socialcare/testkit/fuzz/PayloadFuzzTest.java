package org.socialcare.testkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PayloadFuzzTest {
    private static final List<byte[]> SEEDS = List.of(
            "{\"id\":\"1\",\"text\":\"hello\",\"created_timestamp\":\"1530696350596\"}"
                    .getBytes(StandardCharsets.UTF_8),
            "{\"entry\":[{\"id\":42,\"changes\":[{\"value\":{\"message\":\"hi\"}}]}]}"
                    .getBytes(StandardCharsets.UTF_8));

    @AfterEach
    void clearSeed() {
        System.clearProperty(PayloadFuzz.SEED_PROPERTY);
    }

    @Test
    void theSameSeedReplaysTheSameCases() {
        System.setProperty(PayloadFuzz.SEED_PROPERTY, "4323883947297247229");

        assertThat(cases(200)).containsExactlyElementsOf(cases(200));
    }

    @Test
    void withoutASeedEachRunDrawsOtherCases() {
        assertThat(cases(200)).isNotEqualTo(cases(200));
    }

    @Test
    void aFailureNamesTheEntryPointTheSeedAndTheCase() {
        System.setProperty(PayloadFuzz.SEED_PROPERTY, "7");

        assertThatThrownBy(() -> PayloadFuzz.run(
                        PayloadFuzz.hostile(SEEDS),
                        50,
                        Map.of("picky parser", body -> {
                            throw new IllegalStateException("untyped");
                        }),
                        Set.of(IllegalArgumentException.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("picky parser ended case 1 of seed 7 (-Dcare.fuzz.seed=7 replays it)")
                .hasMessageContaining("IllegalStateException: untyped");
    }

    @Test
    void countsEveryOutcomeOfEveryEntryPoint() {
        PayloadFuzz.Report report = PayloadFuzz.run(
                PayloadFuzz.hostile(SEEDS),
                300,
                Map.of("length check", body -> {
                    if (body.length > 40) {
                        throw new IllegalArgumentException("too long");
                    }
                }),
                Set.of(IllegalArgumentException.class));

        assertThat(report.cases()).isEqualTo(300);
        assertThat(report.count("length check", "returned") + report.count("length check", "IllegalArgumentException"))
                .isEqualTo(300);
        assertThat(report.count("length check", "returned")).isPositive();
        assertThat(report.count("length check", "IllegalArgumentException")).isPositive();
    }

    private static List<String> cases(int tries) {
        List<String> seen = new ArrayList<>();
        PayloadFuzz.run(
                PayloadFuzz.hostile(SEEDS),
                tries,
                Map.of("recorder", body -> seen.add(new String(body, StandardCharsets.ISO_8859_1))),
                Set.of());
        return seen;
    }
}
