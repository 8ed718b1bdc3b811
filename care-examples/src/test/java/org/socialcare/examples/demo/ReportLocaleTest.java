package org.socialcare.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The reference day reads the same on every machine: nothing the demo prints follows the default locale. */
class ReportLocaleTest {
    @Test
    void reportFiguresUseADecimalPointWhateverTheDefaultLocale() {
        DayReport report = new DayReport(
                1403,
                839,
                Map.of("twitter-brand", 278),
                Duration.ofSeconds(171),
                Duration.ofSeconds(245),
                0.893,
                Duration.ofMinutes(30),
                Map.of("rule fraud-report", 48),
                41,
                484,
                111,
                1325,
                288,
                0,
                List.of(),
                List.of(),
                new int[16],
                new int[16],
                List.of(2L, 4L),
                Duration.ofMillis(12_345));
        String text = inLocale(Locale.GERMANY, report::toText);
        assertThat(text)
                .contains("(12.3 s wall time)")
                .contains("by priority): 89.3%")
                .contains("p50 2 min 51 s, p90 4 min 05 s");
        assertThat(inLocale(Locale.US, report::toText)).isEqualTo(text);
    }

    @Test
    void customerHandlesStayAsciiInATurkishLocale() {
        List<SimulatedMessage> day =
                inLocale(Locale.forLanguageTag("tr-TR"), () -> new CustomerTraffic(42, new BankSetup())
                        .day(CareDaySimulation.OPENING, CareDaySimulation.DAY, 300));
        assertThat(day).allSatisfy(m -> assertThat(m.author().handle()).matches("[a-z0-9_]+"));
    }

    private static <T> T inLocale(Locale locale, Supplier<T> work) {
        Locale before = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            return work.get();
        } finally {
            Locale.setDefault(before);
        }
    }
}
