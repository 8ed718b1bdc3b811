package org.socialcare.core.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** A UK bank's care team: weekdays 08:00-20:00, Saturday 09:00-17:00, closed Sunday and bank holidays. */
    static BusinessCalendar ukCareTeam() {
        return BusinessCalendar.builder(LONDON)
                .weekdays(LocalTime.of(8, 0), LocalTime.of(20, 0))
                .open(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(17, 0))
                .holiday(LocalDate.of(2026, 12, 25))
                .holiday(LocalDate.of(2026, 12, 28))
                .build();
    }

    static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    @Test
    void complaintTweetedFridayEveningIsDueSaturdayMorning() {
        // 19:30 Friday: 30 minutes left that day, the remaining 30 minutes run from Saturday 09:00.
        assertThat(ukCareTeam().plus(london("2026-11-27T19:30"), Duration.ofHours(1)))
                .isEqualTo(london("2026-11-28T09:30"));
    }

    @Test
    void messageOnSundaySkipsToMondayOpening() {
        assertThat(ukCareTeam().plus(london("2026-11-29T11:00"), Duration.ofMinutes(45)))
                .isEqualTo(london("2026-11-30T08:45"));
    }

    @Test
    void christmasAndBoxingDaySubstituteAreSkipped() {
        // Thursday 24 Dec 19:00: one hour left that day; Fri 25 closed, Sat 26 09:00-17:00, Sun closed, Mon 28 closed.
        BusinessCalendar cal = ukCareTeam();
        assertThat(cal.plus(london("2026-12-24T19:00"), Duration.ofHours(10))).isEqualTo(london("2026-12-29T09:00"));
        assertThat(cal.between(london("2026-12-24T19:00"), london("2026-12-29T09:00")))
                .isEqualTo(Duration.ofHours(10));
    }

    @Test
    void londonSpringForwardDayOpenAroundTheClockHas23Hours() {
        BusinessCalendar cal = BusinessCalendar.builder(LONDON)
                .everyDay(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
                .build();
        assertThat(cal.between(london("2026-03-29T00:00"), london("2026-03-30T00:00")))
                .isEqualTo(Duration.ofHours(23));
        assertThat(cal.plus(london("2026-03-29T00:30"), Duration.ofHours(2))).isEqualTo(london("2026-03-29T03:30"));
    }

    @Test
    void newYorkFallBackDayOpenAroundTheClockHas25Hours() {
        BusinessCalendar cal = BusinessCalendar.builder(NEW_YORK)
                .everyDay(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
                .build();
        assertThat(cal.between(newYork("2026-11-01T00:00"), newYork("2026-11-02T00:00")))
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void openingTimeInsideTheDstGapStartsWhenTheClockJumps() {
        // New York springs forward at 02:00 on 8 March 2026; a team opening at 02:30 opens at 03:30 local that day.
        BusinessCalendar cal = BusinessCalendar.builder(NEW_YORK)
                .everyDay(LocalTime.of(2, 30), LocalTime.of(6, 0))
                .build();
        assertThat(cal.plus(newYork("2026-03-08T00:00"), Duration.ofMinutes(10)))
                .isEqualTo(newYork("2026-03-08T03:40"));
        assertThat(cal.between(newYork("2026-03-08T00:00"), newYork("2026-03-09T00:00")))
                .isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void alwaysOpenCountsWallTime() {
        BusinessCalendar cal = BusinessCalendar.alwaysOpen();
        Instant t = Instant.parse("2026-03-29T00:30:00Z");
        assertThat(cal.plus(t, Duration.ofHours(30))).isEqualTo(t.plus(Duration.ofHours(30)));
        assertThat(cal.between(t, t.plusSeconds(90))).isEqualTo(Duration.ofSeconds(90));
        assertThat(cal.isOpen(t)).isTrue();
    }

    @Test
    void exposesItsHours() {
        BusinessCalendar cal = ukCareTeam();
        assertThat(cal.openingHours(DayOfWeek.SATURDAY))
                .contains(new BusinessCalendar.OpeningHours(LocalTime.of(9, 0), LocalTime.of(17, 0)));
        assertThat(cal.openingHours(DayOfWeek.SUNDAY)).isEmpty();
        assertThat(cal.holidays()).containsExactly(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));
        assertThat(cal.toString()).contains("Europe/London", "MON 08:00-20:00", "SAT 09:00-17:00", "2 holidays");
    }

    @Test
    void betweenIsNegatedWhenTheEndComesFirst() {
        BusinessCalendar cal = ukCareTeam();
        assertThat(cal.between(london("2026-11-30T10:00"), london("2026-11-30T09:00")))
                .isEqualTo(Duration.ofHours(-1));
    }

    @Test
    void isOpenFollowsTheHours() {
        BusinessCalendar cal = ukCareTeam();
        assertThat(cal.isOpen(london("2026-11-30T08:00"))).isTrue();
        assertThat(cal.isOpen(london("2026-11-30T20:00"))).isFalse();
        assertThat(cal.isOpen(london("2026-11-29T12:00"))).isFalse();
        assertThat(cal.isOpen(london("2026-12-25T12:00"))).isFalse();
    }

    @Test
    void rejectsCalendarWithoutOpenDaysAndBackwardsHours() {
        assertThatThrownBy(() -> BusinessCalendar.builder(LONDON).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least one open weekday");
        assertThatThrownBy(() -> BusinessCalendar.builder(LONDON)
                        .open(DayOfWeek.MONDAY, LocalTime.of(18, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MONDAY")
                .hasMessageContaining("18:00-09:00");
        assertThatThrownBy(() -> ukCareTeam().plus(Instant.EPOCH, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-1M");
    }
}
