package org.socialcare.core.domain.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.socialcare.core.domain.Checks;

/**
 * When a care team is at work: opening hours per weekday in a time zone, minus holidays, or around the clock
 * ({@link #alwaysOpen()}). It does business-time arithmetic for SLA clocks: {@link #plus} moves forward by an
 * amount of open time, {@link #between} measures the open time between two instants.
 *
 * <p>Business time is elapsed physical time inside opening intervals. A weekday's interval is
 * [{@code from}, {@code to}) in local time on that date, turned into instants with the zone's rules: on a
 * DST spring-forward day a local time in the gap moves forward by the gap, on a fall-back day an ambiguous
 * local time takes the earlier offset, and a day open from 00:00 to 24:00 lasts 23 or 25 hours. So
 * {@code between(a, plus(a, d)) == d} holds for every {@code d >= 0} and {@link #plus} is monotonic in
 * {@code d}; a positive result lies inside an opening interval or exactly on its end (see the property tests).
 * Each weekday has at most one interval; a day open until midnight uses {@link LocalTime#MIDNIGHT} as
 * {@code to}.
 *
 * <p>Immutable and thread-safe. Both methods run in time proportional to the calendar days spanned.
 */
public final class BusinessCalendar {
    private static final BusinessCalendar ALWAYS_OPEN = new BusinessCalendar(ZoneOffset.UTC, Map.of(), Set.of(), true);

    private final ZoneId zone;
    private final Map<DayOfWeek, OpeningHours> hours;
    private final Set<LocalDate> holidays;
    private final boolean alwaysOpen;

    private BusinessCalendar(
            ZoneId zone, Map<DayOfWeek, OpeningHours> hours, Set<LocalDate> holidays, boolean alwaysOpen) {
        this.zone = zone;
        this.hours = hours;
        this.holidays = holidays;
        this.alwaysOpen = alwaysOpen;
    }

    /** A 24/7 calendar: business time equals wall time, no holidays. */
    public static BusinessCalendar alwaysOpen() {
        return ALWAYS_OPEN;
    }

    /** A builder for opening hours in {@code zone}; add at least one open weekday. */
    public static Builder builder(ZoneId zone) {
        return new Builder(zone);
    }

    public boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The holidays (closed all day), sorted. Empty for a 24/7 calendar. */
    public Set<LocalDate> holidays() {
        return holidays;
    }

    /** One weekday's local opening hours, [from, to); {@code to} 00:00 means until midnight. Immutable. */
    public record OpeningHours(LocalTime from, LocalTime to) {
        public OpeningHours {
            Checks.notNull(from, "from");
            Checks.notNull(to, "to");
        }

        @Override
        public String toString() {
            return from + "-" + (to.equals(LocalTime.MIDNIGHT) ? "24:00" : to.toString());
        }
    }

    /** The weekday's opening hours, if open that weekday. */
    public Optional<OpeningHours> openingHours(DayOfWeek day) {
        return Optional.ofNullable(hours.get(Checks.notNull(day, "day")));
    }

    /** True when {@code t} lies inside an opening interval ([from, to)). */
    public boolean isOpen(Instant t) {
        Checks.notNull(t, "instant");
        if (alwaysOpen) {
            return true;
        }
        Instant[] i = interval(t.atZone(zone).toLocalDate());
        return i != null && !t.isBefore(i[0]) && t.isBefore(i[1]);
    }

    /**
     * The instant reached after {@code businessTime} of open time from {@code start}. A zero amount returns
     * {@code start} unchanged (even when closed); a positive one lands inside an opening interval or on its end.
     *
     * @throws IllegalArgumentException if {@code businessTime} is negative
     */
    public Instant plus(Instant start, Duration businessTime) {
        Checks.notNull(start, "start");
        Checks.notNull(businessTime, "businessTime");
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("businessTime must not be negative but was " + businessTime);
        }
        if (alwaysOpen || businessTime.isZero()) {
            return start.plus(businessTime);
        }
        Duration remaining = businessTime;
        Instant t = start;
        LocalDate date = start.atZone(zone).toLocalDate();
        while (true) {
            Instant[] i = interval(date);
            if (i != null && i[1].isAfter(t)) {
                Instant from = i[0].isAfter(t) ? i[0] : t;
                Duration available = Duration.between(from, i[1]);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
                t = i[1];
            }
            date = date.plusDays(1);
        }
    }

    /**
     * The open time between {@code a} and {@code b}: positive when {@code a} is before {@code b}, negated when
     * after, zero when equal.
     */
    public Duration between(Instant a, Instant b) {
        Checks.notNull(a, "a");
        Checks.notNull(b, "b");
        if (b.isBefore(a)) {
            return between(b, a).negated();
        }
        if (alwaysOpen) {
            return Duration.between(a, b);
        }
        Duration total = Duration.ZERO;
        LocalDate date = a.atZone(zone).toLocalDate();
        LocalDate last = b.atZone(zone).toLocalDate();
        for (; !date.isAfter(last); date = date.plusDays(1)) {
            Instant[] i = interval(date);
            if (i == null) {
                continue;
            }
            Instant from = i[0].isAfter(a) ? i[0] : a;
            Instant to = i[1].isBefore(b) ? i[1] : b;
            if (to.isAfter(from)) {
                total = total.plus(Duration.between(from, to));
            }
        }
        return total;
    }

    /** The date's opening interval as instants, or null when closed (weekday, holiday, or empty by DST). */
    private Instant[] interval(LocalDate date) {
        if (holidays.contains(date)) {
            return null;
        }
        OpeningHours h = hours.get(date.getDayOfWeek());
        if (h == null) {
            return null;
        }
        Instant from = date.atTime(h.from()).atZone(zone).toInstant();
        Instant to = h.to().equals(LocalTime.MIDNIGHT)
                ? date.plusDays(1).atStartOfDay(zone).toInstant()
                : date.atTime(h.to()).atZone(zone).toInstant();
        return to.isAfter(from) ? new Instant[] {from, to} : null;
    }

    @Override
    public String toString() {
        if (alwaysOpen) {
            return "BusinessCalendar[24/7]";
        }
        StringBuilder s = new StringBuilder("BusinessCalendar[").append(zone);
        hours.forEach((d, h) -> s.append(' ').append(d.name(), 0, 3).append(' ').append(h));
        return s.append(", ").append(holidays.size()).append(" holidays]").toString();
    }

    /** Configures a {@link BusinessCalendar}; validated eagerly; not thread-safe. */
    public static final class Builder {
        private final ZoneId zone;
        private final Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        private final Set<LocalDate> holidays = new TreeSet<>();

        private Builder(ZoneId zone) {
            this.zone = Checks.notNull(zone, "zone");
        }

        /**
         * Opens {@code day} from {@code from} to {@code to} local time (use {@link LocalTime#MIDNIGHT} as
         * {@code to} for "until midnight"). Replaces earlier hours of that day.
         *
         * @throws IllegalArgumentException if {@code to} is not after {@code from}
         */
        public Builder open(DayOfWeek day, LocalTime from, LocalTime to) {
            Checks.notNull(day, "day");
            Checks.notNull(from, "from");
            Checks.notNull(to, "to");
            if (!to.equals(LocalTime.MIDNIGHT) && !to.isAfter(from)) {
                throw new IllegalArgumentException(
                        "opening hours of " + day + " must end after they start but were " + from + "-" + to);
            }
            hours.put(day, new OpeningHours(from, to));
            return this;
        }

        /** Opens Monday to Friday with the same hours. */
        public Builder weekdays(LocalTime from, LocalTime to) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                    open(d, from, to);
                }
            }
            return this;
        }

        /** Opens every day of the week with the same hours. */
        public Builder everyDay(LocalTime from, LocalTime to) {
            for (DayOfWeek d : DayOfWeek.values()) {
                open(d, from, to);
            }
            return this;
        }

        /** Closes the whole local date. */
        public Builder holiday(LocalDate date) {
            holidays.add(Checks.notNull(date, "holiday"));
            return this;
        }

        public Builder holidays(Collection<LocalDate> dates) {
            Checks.notNull(dates, "holidays").forEach(this::holiday);
            return this;
        }

        /** @throws IllegalStateException if no weekday is open (the calendar would never run a clock) */
        public BusinessCalendar build() {
            if (hours.isEmpty()) {
                throw new IllegalStateException("a business calendar needs at least one open weekday; use open(...) or "
                        + "BusinessCalendar.alwaysOpen() for a 24/7 team");
            }
            return new BusinessCalendar(
                    zone,
                    java.util.Collections.unmodifiableMap(new EnumMap<>(hours)),
                    java.util.Collections.unmodifiableSet(new TreeSet<>(holidays)),
                    false);
        }
    }
}
