package org.socialcare.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.DeskEvent;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.port.out.DeskListener;
import org.socialcare.core.port.out.Outbox;

/**
 * Counts and times what happens on a care desk as it happens: a {@link DeskListener} (register it on the desk with
 * {@code CareDesk.builder().listener(meters)}) and a {@link MeterBinder} (bind it to the registries), no Spring
 * needed. Meters (dotted lower case; tag values bounded by the desk's configuration and fixed sets, never customer
 * ids or text):
 *
 * <ul>
 *   <li>{@code care.messages.received{channel,category}}: customer messages stored (counter);
 *   <li>{@code care.first.response{team}}: time from a conversation's opening to its first agent reply (timer);
 *   <li>{@code care.handle.time{team}}: time from a conversation's opening to its resolution (timer);
 *   <li>{@code care.replies.published{channel}} (counter) and {@code care.publish.latency{channel}} (timer, from
 *       queued or approved to sent);
 *   <li>{@code care.replies.held{channel}} and {@code care.replies.failed{channel}}: replies held back (once per
 *       reason) and failed for good (counters);
 *   <li>{@code care.escalations{rule}}: escalation rule firings (counter);
 *   <li>{@code care.dead.letters{reason}}: dead letters by reason kind (rejected_payload, unknown_channel,
 *       handler_failed; counter);
 *   <li>{@code care.channel.pauses{channel}}: kill-switch pauses (counter);
 *   <li>{@code care.poll.lag{source}}: age of the oldest message the source's last poll brought, zero when it
 *       brought none (time gauge, from the first poll of the source on);
 *   <li>with {@link Builder#outbox}: {@code care.outbox.pending}, {@code care.outbox.held} and {@code
 *       care.outbox.failed}, each {@code {channel}} (gauges over {@link Outbox#count}, read at most once per
 *       refresh).
 * </ul>
 *
 * <p>Timers publish the 0.5, 0.9 and 0.99 percentiles and a percentile histogram (Prometheus shows the histogram,
 * which aggregates across nodes, and not the client-side percentiles). Counters and timers count this desk's events only: sum them over the nodes. Events that arrive
 * before the first {@link #bindTo} are not counted (the last poll lag is kept). Thread-safe; {@link #onEvent} never throws.
 */
public final class CareEventMeters implements DeskListener, MeterBinder {
    private static final Logger LOG = LoggerFactory.getLogger(CareEventMeters.class);
    /** Default time the outbox counts are reused for. */
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(5);
    /** The tag value for a conversation without a team. */
    public static final String NO_TEAM = "none";

    private static final double[] PERCENTILES = {0.5, 0.9, 0.99};

    private final Optional<Outbox> outbox;
    private final List<ChannelId> channels;
    private final Duration refresh;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> pollLagMillis = new ConcurrentHashMap<>();
    private final Map<ChannelId, CachedCounts> counts = new ConcurrentHashMap<>();

    private CareEventMeters(Builder b) {
        this.outbox = b.outbox;
        this.channels = List.copyOf(b.channels);
        this.refresh = b.refresh;
    }

    /** Event meters without the outbox gauges. */
    public static CareEventMeters create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        if (outbox.isPresent()) {
            for (ChannelId channel : channels) {
                outboxGauge(
                        registry, "care.outbox.pending", channel, Outbox.Counts::pending, "waiting to be published");
                outboxGauge(registry, "care.outbox.held", channel, Outbox.Counts::held, "held back, waiting to retry");
                outboxGauge(registry, "care.outbox.failed", channel, Outbox.Counts::failed, "failed for good");
            }
        }
        synchronized (registries) {
            pollLagMillis.forEach((source, lag) -> pollLagGauge(registry, source, lag));
            registries.add(registry);
        }
    }

    @Override
    public void onEvent(DeskEvent event) {
        try {
            if (event instanceof DeskEvent.PollCompleted e) {
                pollLag(e.source()).set(e.lag().toMillis());
                return;
            }
            for (MeterRegistry registry : registries) {
                record(registry, event);
            }
        } catch (RuntimeException e) {
            LOG.warn(
                    "could not record {} ({})",
                    event.getClass().getSimpleName(),
                    e.getClass().getName());
        }
    }

    private void record(MeterRegistry r, DeskEvent event) {
        if (event instanceof DeskEvent.MessageIngested e) {
            Counter.builder("care.messages.received")
                    .description("Customer messages stored")
                    .tags(
                            "channel",
                            e.channel().value(),
                            "category",
                            lower(e.category().name()))
                    .register(r)
                    .increment();
        } else if (event instanceof DeskEvent.FirstResponse e) {
            timer("care.first.response", "Time from a conversation's opening to its first agent reply")
                    .tags("team", team(e.team()))
                    .minimumExpectedValue(Duration.ofSeconds(1))
                    .maximumExpectedValue(Duration.ofDays(3))
                    .register(r)
                    .record(e.time());
        } else if (event instanceof DeskEvent.ConversationResolved e) {
            timer("care.handle.time", "Time from a conversation's opening to its resolution")
                    .tags("team", team(e.team()))
                    .minimumExpectedValue(Duration.ofSeconds(1))
                    .maximumExpectedValue(Duration.ofDays(30))
                    .register(r)
                    .record(e.handleTime());
        } else if (event instanceof DeskEvent.ReplyPublished e) {
            channelCounter(r, "care.replies.published", "Replies published (marked sent)", e.channel());
            timer("care.publish.latency", "Time from a reply's queueing (or approval) to its publication")
                    .tags("channel", e.channel().value())
                    .minimumExpectedValue(Duration.ofMillis(10))
                    .maximumExpectedValue(Duration.ofDays(1))
                    .register(r)
                    .record(e.latency());
        } else if (event instanceof DeskEvent.ReplyHeld e) {
            channelCounter(r, "care.replies.held", "Replies held back (once per reason)", e.channel());
        } else if (event instanceof DeskEvent.ReplyFailed e) {
            channelCounter(r, "care.replies.failed", "Replies failed for good", e.channel());
        } else if (event instanceof DeskEvent.EscalationFired e) {
            Counter.builder("care.escalations")
                    .description("Escalation rule firings")
                    .tags("rule", e.ruleId())
                    .register(r)
                    .increment();
        } else if (event instanceof DeskEvent.DeadLettered e) {
            Counter.builder("care.dead.letters")
                    .description("Payloads kept as dead letters")
                    .tags("reason", lower(e.reason().name()))
                    .register(r)
                    .increment();
        } else if (event instanceof DeskEvent.ChannelPaused e) {
            channelCounter(r, "care.channel.pauses", "Kill-switch pauses", e.channel());
        }
    }

    private AtomicLong pollLag(String source) {
        AtomicLong existing = pollLagMillis.get(source);
        if (existing != null) {
            return existing;
        }
        synchronized (registries) {
            return pollLagMillis.computeIfAbsent(source, s -> {
                AtomicLong created = new AtomicLong();
                registries.forEach(registry -> pollLagGauge(registry, s, created));
                return created;
            });
        }
    }

    private static void pollLagGauge(MeterRegistry registry, String source, AtomicLong lag) {
        TimeGauge.builder("care.poll.lag", lag, TimeUnit.MILLISECONDS, AtomicLong::doubleValue)
                .tags("source", source)
                .description("Age of the oldest message the source's last poll brought (zero: caught up)")
                .register(registry);
    }

    private static Timer.Builder timer(String name, String description) {
        return Timer.builder(name)
                .description(description)
                .publishPercentiles(PERCENTILES)
                .publishPercentileHistogram();
    }

    private static void channelCounter(MeterRegistry r, String name, String description, ChannelId channel) {
        Counter.builder(name)
                .description(description)
                .tags("channel", channel.value())
                .register(r)
                .increment();
    }

    private void outboxGauge(
            MeterRegistry registry, String name, ChannelId channel, ToLongFunction<Outbox.Counts> figure, String what) {
        Gauge.builder(name, this, m -> m.counts(channel)
                        .map(c -> (double) figure.applyAsLong(c))
                        .orElse(Double.NaN))
                .tags("channel", channel.value())
                .strongReference(true)
                .description("Outbox entries " + what)
                .baseUnit("replies")
                .register(registry);
    }

    /** The channel's outbox counts, read again when older than {@code refresh}; empty when the read failed. */
    private Optional<Outbox.Counts> counts(ChannelId channel) {
        long now = System.nanoTime();
        CachedCounts cached = counts.get(channel);
        if (cached != null && now - cached.readAtNanos < refresh.toNanos()) {
            return Optional.of(cached.counts);
        }
        try {
            Outbox.Counts read = outbox.orElseThrow().count(channel);
            counts.put(channel, new CachedCounts(read, now));
            return Optional.of(read);
        } catch (RuntimeException e) {
            LOG.warn(
                    "could not count the outbox of channel {} ({})",
                    channel,
                    e.getClass().getName());
            return Optional.empty();
        }
    }

    private record CachedCounts(Outbox.Counts counts, long readAtNanos) {}

    private static String team(Optional<TeamId> team) {
        return team.map(TeamId::value).orElse(NO_TEAM);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Configures {@link CareEventMeters}. Not thread-safe; build once. */
    public static final class Builder {
        private Optional<Outbox> outbox = Optional.empty();
        private final List<ChannelId> channels = new ArrayList<>();
        private Duration refresh = DEFAULT_REFRESH;

        private Builder() {}

        /**
         * Adds the outbox gauges for these channels, read from the desk's outbox (the storage's, e.g. {@code
         * JdbcCareStorage.storage().outbox()}). Default none.
         *
         * @throws IllegalArgumentException when {@code channels} is empty
         */
        public Builder outbox(Outbox value, Collection<ChannelId> channels) {
            Objects.requireNonNull(value, "outbox");
            Objects.requireNonNull(channels, "channels");
            if (channels.isEmpty()) {
                throw new IllegalArgumentException("outbox gauges need at least one channel but channels was empty");
            }
            channels.forEach(c -> this.channels.add(Objects.requireNonNull(c, "channel")));
            this.outbox = Optional.of(value);
            return this;
        }

        /**
         * How long outbox counts are reused; zero reads on every scrape, default {@link #DEFAULT_REFRESH}.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder refresh(Duration value) {
            Objects.requireNonNull(value, "refresh");
            if (value.isNegative()) {
                throw new IllegalArgumentException("refresh must not be negative but was " + value);
            }
            this.refresh = value;
            return this;
        }

        public CareEventMeters build() {
            return new CareEventMeters(this);
        }
    }
}
