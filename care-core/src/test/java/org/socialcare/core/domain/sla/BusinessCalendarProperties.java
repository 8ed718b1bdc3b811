package org.socialcare.core.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Business-time arithmetic over generated calendars (London, New York, Tokyo, split hours, midnight closes,
 * holidays) and start instants around the 2026 DST changes of London (29 Mar, 25 Oct) and New York (8 Mar, 1 Nov).
 */
class BusinessCalendarProperties {
    private static final ZoneId[] ZONES = {
        ZoneId.of("Europe/London"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo")
    };
    private static final LocalDate[] DST_DAYS = {
        LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25), LocalDate.of(2026, 3, 8), LocalDate.of(2026, 11, 1)
    };

    @Property(tries = 400)
    void plusThenBetweenRoundTrips(
            @ForAll("calendars") BusinessCalendar cal,
            @ForAll("starts") Instant start,
            @ForAll("amounts") Duration amount) {
        Instant end = cal.plus(start, amount);
        assertThat(cal.between(start, end)).isEqualTo(amount);
        assertThat(cal.between(end, start)).isEqualTo(amount.negated());
    }

    @Property(tries = 400)
    void plusIsMonotonic(
            @ForAll("calendars") BusinessCalendar cal,
            @ForAll("starts") Instant start,
            @ForAll("amounts") Duration a,
            @ForAll("amounts") Duration b) {
        Duration small = a.compareTo(b) <= 0 ? a : b;
        Duration large = a.compareTo(b) <= 0 ? b : a;
        assertThat(cal.plus(start, small)).isBeforeOrEqualTo(cal.plus(start, large));
        assertThat(cal.plus(start, large)).isAfterOrEqualTo(start);
    }

    @Property(tries = 400)
    void positiveAmountLandsInsideOpeningHoursOrOnTheirEnd(
            @ForAll("calendars") BusinessCalendar cal,
            @ForAll("starts") Instant start,
            @ForAll("amounts") Duration amount) {
        if (amount.isZero()) {
            return;
        }
        Instant end = cal.plus(start, amount);
        // Either open at the result, or open just before it (the result is the close of an interval).
        assertThat(cal.isOpen(end) || cal.isOpen(end.minusNanos(1)))
                .as("%s + %s = %s in %s", start, amount, end, cal)
                .isTrue();
    }

    @Property(tries = 300)
    void betweenIsAdditive(
            @ForAll("calendars") BusinessCalendar cal,
            @ForAll("starts") Instant a,
            @ForAll("amounts") Duration d1,
            @ForAll("amounts") Duration d2) {
        Instant b = a.plus(d1);
        Instant c = b.plus(d2);
        assertThat(cal.between(a, b).plus(cal.between(b, c))).isEqualTo(cal.between(a, c));
        assertThat(cal.between(a, c)).isLessThanOrEqualTo(Duration.between(a, c));
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        Arbitrary<ZoneId> zone = Arbitraries.of(ZONES);
        Arbitrary<Integer> openHour = Arbitraries.integers().between(0, 12);
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 12);
        Arbitrary<Boolean> midnightClose = Arbitraries.of(true, false);
        Arbitrary<Integer> openDaysMask = Arbitraries.integers().between(1, 127);
        Arbitrary<Integer> holidayOffset = Arbitraries.integers().between(-3, 3);
        return Combinators.combine(zone, openHour, length, midnightClose, openDaysMask, holidayOffset)
                .as((z, from, len, midnight, mask, holiday) -> {
                    BusinessCalendar.Builder b = BusinessCalendar.builder(z);
                    LocalTime open = LocalTime.of(from, from % 2 == 0 ? 0 : 30);
                    LocalTime close = midnight ? LocalTime.MIDNIGHT : open.plusHours(len);
                    for (DayOfWeek d : DayOfWeek.values()) {
                        if ((mask & (1 << d.ordinal())) != 0) {
                            b.open(d, open, close);
                        }
                    }
                    for (LocalDate dst : DST_DAYS) {
                        b.holiday(dst.plusDays(holiday == 0 ? 7 : holiday));
                    }
                    return b.build();
                });
    }

    @Provide
    Arbitrary<Instant> starts() {
        Arbitrary<LocalDate> day = Arbitraries.of(DST_DAYS)
                .flatMap(d -> Arbitraries.integers().between(-2, 2).map(d::plusDays));
        Arbitrary<Long> secondOfDay = Arbitraries.longs().between(0, 86_399);
        return Combinators.combine(day, secondOfDay, Arbitraries.of(ZONES))
                .as((d, s, z) -> d.atStartOfDay(z).toInstant().plusSeconds(s));
    }

    @Provide
    Arbitrary<Duration> amounts() {
        return Arbitraries.longs().between(0, 6L * 24 * 3600).map(Duration::ofSeconds);
    }
}
