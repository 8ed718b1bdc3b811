package org.socialcare.micrometer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.HealthState;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.metrics.Breakdown;
import org.socialcare.core.domain.metrics.MetricsReport;
import org.socialcare.core.port.in.DecideApprovals;
import org.socialcare.core.port.in.ReadDesk;

/**
 * Binds a care desk's figures to a Micrometer {@link MeterRegistry} as gauges, read through the desk's public
 * read API ({@link ReadDesk#metrics(Instant, Instant)}, {@link ReadDesk#health(ChannelId)}, {@link
 * DecideApprovals#pendingApprovals()}). Meters (dotted lower case; tag values bounded by the desk's
 * configuration: channel and team ids, the four health states, two SLA outcomes):
 *
 * <ul>
 *   <li>{@code care.channel.health{channel,platform,state}}: 1 for the channel's current state, 0 for the others;
 *   <li>{@code care.channel.paused{channel,platform}}: 1 while the kill switch is on;
 *   <li>{@code care.conversations.opened{channel}} and {@code care.conversations.responded{channel}}: conversations
 *       opened in the trailing window, and how many got a first response;
 *   <li>{@code care.sla.first.response{channel,outcome=met|missed}}: first-response SLA outcomes in the window;
 *   <li>{@code care.first.response.time{channel,quantile=0.5|0.9}}: first response time (a time gauge, NaN while
 *       no conversation in the window got an answer);
 *   <li>{@code care.queue.depth{team}}: active conversations of the team at report time;
 *   <li>{@code care.approvals.pending}: replies held for four-eyes approval.
 * </ul>
 *
 * <p>Channels and teams are those configured when {@link #bindTo} runs. The report is computed at most once per
 * {@code refresh} (on the desk's clock) however many gauges a scrape reads. Thread-safe.
 */
public final class CareMeterBinder implements MeterBinder {
    /** Default trailing window the SLA and first-response gauges cover. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    /** Default time a computed report is reused for. */
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(15);

    private final ReadDesk desk;
    private final Optional<DecideApprovals> approvals;
    private final Duration window;
    private final Duration refresh;
    private final Object lock = new Object();
    private MetricsReport cached;
    private Instant cachedAt;

    private CareMeterBinder(Builder b) {
        this.desk = b.desk;
        this.approvals = b.approvals;
        this.window = b.window;
        this.refresh = b.refresh;
    }

    /** A binder over the desk with the default window and refresh. */
    public static CareMeterBinder of(ReadDesk desk) {
        return builder(desk).build();
    }

    /** A builder over the desk; {@code CareDesk} also gives the pending approvals. */
    public static Builder builder(ReadDesk desk) {
        return new Builder(Objects.requireNonNull(desk, "desk"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Channel channel : desk.channels()) {
            ChannelId id = channel.id();
            Tags tags = Tags.of(
                    "channel", id.value(), "platform", lower(channel.platform().name()));
            for (HealthState state : HealthState.values()) {
                Gauge.builder(
                                "care.channel.health",
                                this,
                                b -> b.desk.health(id).state() == state ? 1 : 0)
                        .tags(tags.and("state", lower(state.name())))
                        .strongReference(true)
                        .description("1 when the channel is in this health state, else 0")
                        .register(registry);
            }
            Gauge.builder("care.channel.paused", this, b -> b.desk.health(id).state() == HealthState.PAUSED ? 1 : 0)
                    .tags(tags)
                    .strongReference(true)
                    .description("1 while the channel's kill switch is on")
                    .register(registry);
            Tags channelTag = Tags.of("channel", id.value());
            channelGauge(
                    registry,
                    "care.conversations.opened",
                    channelTag,
                    id,
                    Breakdown::opened,
                    "Conversations opened in the trailing window");
            channelGauge(
                    registry,
                    "care.conversations.responded",
                    channelTag,
                    id,
                    Breakdown::responded,
                    "Conversations opened in the trailing window that got a first response");
            channelGauge(
                    registry,
                    "care.sla.first.response",
                    channelTag.and("outcome", "met"),
                    id,
                    Breakdown::slaMet,
                    "First-response SLA outcomes in the trailing window");
            channelGauge(
                    registry,
                    "care.sla.first.response",
                    channelTag.and("outcome", "missed"),
                    id,
                    Breakdown::slaMissed,
                    "First-response SLA outcomes in the trailing window");
            timeGauge(registry, channelTag.and("quantile", "0.5"), id, Breakdown::medianFirstResponse);
            timeGauge(registry, channelTag.and("quantile", "0.9"), id, Breakdown::p90FirstResponse);
        }
        for (Team team : desk.teams()) {
            Gauge.builder("care.queue.depth", this, b -> Optional.ofNullable(
                                    b.report().byTeam().get(team.id()))
                            .map(Breakdown::backlog)
                            .orElse(0))
                    .tags("team", team.id().value())
                    .strongReference(true)
                    .description("Active conversations of the team")
                    .baseUnit("conversations")
                    .register(registry);
        }
        approvals.ifPresent(a -> Gauge.builder(
                        "care.approvals.pending", a, x -> x.pendingApprovals().size())
                .strongReference(true)
                .description("Replies held for four-eyes approval")
                .register(registry));
    }

    private void channelGauge(
            MeterRegistry registry,
            String name,
            Tags tags,
            ChannelId id,
            ToDoubleFunction<Breakdown> figure,
            String description) {
        Gauge.builder(name, this, b -> b.breakdown(id)
                        .map(figure::applyAsDouble)
                        .orElse(0.0))
                .tags(tags)
                .strongReference(true)
                .description(description)
                .register(registry);
    }

    private void timeGauge(
            MeterRegistry registry, Tags tags, ChannelId id, Function<Breakdown, Optional<Duration>> figure) {
        TimeGauge.builder("care.first.response.time", this, TimeUnit.MILLISECONDS, b -> b.breakdown(id)
                        .flatMap(figure)
                        .map(d -> (double) d.toMillis())
                        .orElse(Double.NaN))
                .tags(tags)
                .strongReference(true)
                .description("First response time over the trailing window (nearest rank)")
                .register(registry);
    }

    private Optional<Breakdown> breakdown(ChannelId id) {
        return Optional.ofNullable(report().byChannel().get(id));
    }

    /** The report over the trailing window, recomputed when older than {@code refresh}. */
    MetricsReport report() {
        Instant now = desk.clock().instant();
        synchronized (lock) {
            if (cached == null || !now.isBefore(cachedAt.plus(refresh))) {
                cached = desk.metrics(now.minus(window), now);
                cachedAt = now;
            }
            return cached;
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Configures a {@link CareMeterBinder}. Not thread-safe; build once. */
    public static final class Builder {
        private final ReadDesk desk;
        private Optional<DecideApprovals> approvals;
        private Duration window = DEFAULT_WINDOW;
        private Duration refresh = DEFAULT_REFRESH;

        private Builder(ReadDesk desk) {
            this.desk = desk;
            this.approvals = desk instanceof DecideApprovals d ? Optional.of(d) : Optional.empty();
        }

        /**
         * The trailing window the SLA and first-response gauges cover; positive, default {@link #DEFAULT_WINDOW}.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder window(Duration value) {
            this.window = positive(value, "window");
            return this;
        }

        /**
         * How long a computed report is reused; zero recomputes on every read, default {@link #DEFAULT_REFRESH}.
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

        /** Where the pending approvals gauge reads from (defaults to the desk when it decides approvals). */
        public Builder approvals(DecideApprovals value) {
            this.approvals = Optional.of(Objects.requireNonNull(value, "approvals"));
            return this;
        }

        public CareMeterBinder build() {
            return new CareMeterBinder(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive but was " + value);
            }
            return value;
        }
    }
}
