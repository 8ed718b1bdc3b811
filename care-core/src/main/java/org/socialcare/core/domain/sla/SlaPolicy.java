package org.socialcare.core.domain.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.domain.Direction;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.StoredMessage;

/**
 * Service levels of a care desk: first response, next response and resolution targets per priority and
 * channel, each counted on the channel's {@link BusinessCalendar} (business time, or wall time on
 * {@link BusinessCalendar#alwaysOpen()} for 24/7 teams).
 *
 * <p>Clocks: the response clock runs from {@link Conversation#awaitingResponseSince()} (the oldest unanswered
 * customer message), so it stops when an agent answers and is absent while PENDING_CUSTOMER; it uses the
 * first-response target until the conversation had a first response, the next-response target after. The
 * resolution clock runs from {@code openedAt} while the conversation is active, stops while PENDING_CUSTOMER,
 * and is extended by the business time already spent waiting for the customer (see {@link #pausedTime}).
 * A clock is AT_RISK once {@link #atRiskFraction()} of its target has elapsed and BREACHED at its target.
 *
 * <p>Due instants for stores: {@link #schedule} writes the next <em>checkpoint</em> of each clock into
 * {@link Conversation#responseDueAt()} / {@link Conversation#resolutionDueAt()}: the at-risk instant while
 * ON_TRACK, then the breach instant, then nothing once breached. Stores index these, so a sweep over
 * {@code ConversationStore.dueBy(now)} sees each conversation exactly when its status changes and never again
 * after its breach was handled (a breached conversation must not come due on every sweep, or it would crowd out
 * new work). Status questions are answered from the clocks ({@link #clocks}), never from the stored checkpoint.
 *
 * <p>Immutable and thread-safe. Built with {@link #builder()}; {@link #wallClock(Duration)} is the desk's
 * default.
 */
public final class SlaPolicy {
    /** Default fraction of a target after which a clock is AT_RISK. */
    public static final double DEFAULT_AT_RISK_FRACTION = 0.75;

    private final SlaTargets defaults;
    private final Map<Priority, SlaTargets> byPriority;
    private final Map<ChannelId, SlaTargets> byChannel;
    private final Map<ChannelId, Map<Priority, SlaTargets>> byChannelAndPriority;
    private final BusinessCalendar calendar;
    private final Map<ChannelId, BusinessCalendar> calendars;
    private final double atRiskFraction;

    private SlaPolicy(Builder b) {
        this.defaults = b.defaults;
        this.byPriority = Map.copyOf(b.byPriority);
        this.byChannel = Map.copyOf(b.byChannel);
        Map<ChannelId, Map<Priority, SlaTargets>> copy = new HashMap<>();
        b.byChannelAndPriority.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        this.byChannelAndPriority = Map.copyOf(copy);
        this.calendar = b.calendar;
        this.calendars = Map.copyOf(b.calendars);
        this.atRiskFraction = b.atRiskFraction;
    }

    /**
     * A 24/7 policy with one wall-clock target for first and next responses and no resolution target: the
     * desk's default, built from {@code DeskSettings.firstResponseTarget()}.
     */
    public static SlaPolicy wallClock(Duration responseTarget) {
        return builder().defaults(SlaTargets.of(responseTarget, responseTarget)).build();
    }

    /** Starts from 60-minute response targets, no resolution target, a 24/7 calendar and fraction 0.75. */
    public static Builder builder() {
        return new Builder();
    }

    public double atRiskFraction() {
        return atRiskFraction;
    }

    /** The targets that apply: channel and priority, else channel, else priority, else the defaults. */
    public SlaTargets targetsFor(ChannelId channel, Priority priority) {
        Checks.notNull(channel, "channel");
        Checks.notNull(priority, "priority");
        Map<Priority, SlaTargets> specific = byChannelAndPriority.get(channel);
        if (specific != null && specific.containsKey(priority)) {
            return specific.get(priority);
        }
        if (byChannel.containsKey(channel)) {
            return byChannel.get(channel);
        }
        return byPriority.getOrDefault(priority, defaults);
    }

    /** The calendar the channel's clocks count on. */
    public BusinessCalendar calendarFor(ChannelId channel) {
        return calendars.getOrDefault(Checks.notNull(channel, "channel"), calendar);
    }

    /** The conversation's running clocks when it never waited for the customer before. */
    public SlaClocks clocks(Conversation c) {
        return clocks(c, Duration.ZERO);
    }

    /**
     * The conversation's running clocks. {@code pausedResolutionTime} is the business time the conversation
     * already spent waiting for the customer (from {@link #pausedTime}); it extends the resolution clock.
     */
    public SlaClocks clocks(Conversation c, Duration pausedResolutionTime) {
        Checks.notNull(c, "conversation");
        Checks.notNull(pausedResolutionTime, "pausedResolutionTime");
        if (!c.state().isActive()) {
            return SlaClocks.none();
        }
        SlaTargets targets = targetsFor(c.channel(), c.priority());
        BusinessCalendar cal = calendarFor(c.channel());
        Optional<SlaClock> response = c.awaitingResponseSince().map(start -> {
            boolean first = c.firstResponseAt().isEmpty();
            Duration target = first ? targets.firstResponse() : targets.nextResponse();
            return new SlaClock(
                    first ? SlaClock.Kind.FIRST_RESPONSE : SlaClock.Kind.NEXT_RESPONSE,
                    start,
                    target,
                    cal.plus(start, fraction(target)),
                    cal.plus(start, target));
        });
        Optional<SlaClock> resolution = c.state() == ConversationState.PENDING_CUSTOMER
                ? Optional.empty()
                : targets.resolution()
                        .map(target -> new SlaClock(
                                SlaClock.Kind.RESOLUTION,
                                c.openedAt(),
                                target,
                                cal.plus(c.openedAt(), fraction(target).plus(pausedResolutionTime)),
                                cal.plus(c.openedAt(), target.plus(pausedResolutionTime))));
        return new SlaClocks(response, resolution);
    }

    /** The worse status of the conversation's clocks at {@code now}. */
    public SlaStatus status(Conversation c, Duration pausedResolutionTime, Instant now) {
        return clocks(c, pausedResolutionTime).statusAt(Checks.notNull(now, "now"));
    }

    /**
     * The conversation with each clock's next checkpoint after {@code now} written to its due fields (see the
     * class comment); {@code extraResponseCheck} is another instant the response side must be looked at (a
     * time-based escalation rule), merged in when earlier.
     */
    public Conversation schedule(Conversation c, SlaClocks clocks, Instant now, Optional<Instant> extraResponseCheck) {
        Checks.notNull(c, "conversation");
        Checks.notNull(clocks, "clocks");
        Checks.notNull(now, "now");
        Optional<Instant> response = earliest(
                clocks.response().flatMap(k -> k.nextChangeAfter(now)),
                Checks.notNull(extraResponseCheck, "extraResponseCheck").filter(now::isBefore));
        Optional<Instant> resolution = clocks.resolution().flatMap(k -> k.nextChangeAfter(now));
        if (response.equals(c.responseDueAt()) && resolution.equals(c.resolutionDueAt())) {
            return c;
        }
        return c.withDue(response, resolution);
    }

    /**
     * Business time a conversation spent waiting for the customer: from each of the bank's published messages
     * to the customer's next message, on {@code calendar}. {@code thread} is in creation order (as the message
     * store lists it); a wait still running at its end is not counted (the clock is paused then anyway).
     */
    public static Duration pausedTime(List<StoredMessage> thread, BusinessCalendar calendar) {
        Checks.notNull(thread, "thread");
        Checks.notNull(calendar, "calendar");
        Duration paused = Duration.ZERO;
        Instant waitingSince = null;
        for (StoredMessage m : thread) {
            if (m.direction() == Direction.OUTBOUND) {
                if (waitingSince == null) {
                    waitingSince = m.createdAt();
                }
            } else if (waitingSince != null) {
                if (m.createdAt().isAfter(waitingSince)) {
                    paused = paused.plus(calendar.between(waitingSince, m.createdAt()));
                }
                waitingSince = null;
            }
        }
        return paused;
    }

    private Duration fraction(Duration target) {
        return Duration.ofMillis(Math.round(target.toMillis() * atRiskFraction));
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
    }

    /**
     * Configures an {@link SlaPolicy}. Every setting is validated when set and named in the error. Not
     * thread-safe.
     */
    public static final class Builder {
        private SlaTargets defaults = SlaTargets.of(Duration.ofMinutes(60), Duration.ofMinutes(60));
        private final Map<Priority, SlaTargets> byPriority = new HashMap<>();
        private final Map<ChannelId, SlaTargets> byChannel = new HashMap<>();
        private final Map<ChannelId, Map<Priority, SlaTargets>> byChannelAndPriority = new HashMap<>();
        private BusinessCalendar calendar = BusinessCalendar.alwaysOpen();
        private final Map<ChannelId, BusinessCalendar> calendars = new HashMap<>();
        private double atRiskFraction = DEFAULT_AT_RISK_FRACTION;

        private Builder() {}

        /** Targets for every priority and channel without more specific ones. Default 60/60 minutes, no resolution. */
        public Builder defaults(SlaTargets targets) {
            defaults = Checks.notNull(targets, "defaults");
            return this;
        }

        public Builder targets(Priority priority, SlaTargets targets) {
            byPriority.put(Checks.notNull(priority, "priority"), Checks.notNull(targets, "targets"));
            return this;
        }

        public Builder targets(ChannelId channel, SlaTargets targets) {
            byChannel.put(Checks.notNull(channel, "channel"), Checks.notNull(targets, "targets"));
            return this;
        }

        public Builder targets(ChannelId channel, Priority priority, SlaTargets targets) {
            byChannelAndPriority
                    .computeIfAbsent(Checks.notNull(channel, "channel"), k -> new HashMap<>())
                    .put(Checks.notNull(priority, "priority"), Checks.notNull(targets, "targets"));
            return this;
        }

        /** The calendar of every channel without its own. Default {@link BusinessCalendar#alwaysOpen()}. */
        public Builder calendar(BusinessCalendar value) {
            calendar = Checks.notNull(value, "calendar");
            return this;
        }

        public Builder calendar(ChannelId channel, BusinessCalendar value) {
            calendars.put(Checks.notNull(channel, "channel"), Checks.notNull(value, "calendar"));
            return this;
        }

        /**
         * Fraction of a target after which a clock is AT_RISK, in (0, 1]; 1 means never AT_RISK before the
         * breach. Default 0.75.
         *
         * @throws IllegalArgumentException naming the setting and echoing the value when outside (0, 1]
         */
        public Builder atRiskFraction(double value) {
            if (!(value > 0 && value <= 1)) {
                throw new IllegalArgumentException("atRiskFraction must be in (0, 1] but was " + value);
            }
            atRiskFraction = value;
            return this;
        }

        public SlaPolicy build() {
            return new SlaPolicy(this);
        }
    }
}
