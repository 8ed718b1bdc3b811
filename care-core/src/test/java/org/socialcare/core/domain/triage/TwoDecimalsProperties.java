package org.socialcare.core.domain.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** The summary's sentiment figure is exactly what {@code String.format("%.2f")} printed before. */
class TwoDecimalsProperties {

    @Property(tries = 5000)
    void formatsScoresAsStringFormatDid(@ForAll @DoubleRange(min = -1.0, max = 1.0) double score) {
        assertThat(TriageResult.twoDecimals(score)).isEqualTo(String.format(Locale.ROOT, "%.2f", score));
    }

    @Property(tries = 2000)
    void formatsAnyDoubleAsStringFormatDid(@ForAll double value) {
        assertThat(TriageResult.twoDecimals(value)).isEqualTo(String.format(Locale.ROOT, "%.2f", value));
    }

    @Example
    void roundsTiesHalfUpAndKeepsTheSignOfSmallNegatives() {
        for (double v : new double[] {0.005, -0.005, 0.125, -0.125, 0.995, -0.001, 0.0, -0.0, 1.0, -1.0}) {
            assertThat(TriageResult.twoDecimals(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.2f", v));
        }
    }
}
