package org.socialcare.spring.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.socialcare.core.runtime.DeskRuntime;
import org.socialcare.core.runtime.RuntimeHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * A {@link DeskRuntime}'s health for Actuator ({@link DeskRuntime#health()}): {@code UP} when
 * {@link RuntimeHealth#healthy()}; {@code DOWN} when the database did not answer or a channel failed authentication;
 * {@link CareChannelHealth#DEGRADED} when a loop or a source failed three times in a row; {@code OUT_OF_SERVICE}
 * when the runtime is not running (not started, stopping, stopped). Details: runtime state, database reachable and
 * its masked error, each channel's state, outbox lag, each source's poll lag and failures in a row, each loop's
 * failures in a row, and how many escalation notices keep failing; durations in ISO-8601. Thread-safe.
 */
public final class CareRuntimeHealth implements HealthIndicator {
    private final Supplier<Optional<RuntimeHealth>> runtime;

    /** The health of a runtime bean. */
    public CareRuntimeHealth(DeskRuntime runtime) {
        this(() -> Optional.of(runtime.health()));
    }

    /** The health of a runtime that may not exist yet (empty: not running, as {@link CareBackgroundWork} before start). */
    public CareRuntimeHealth(Supplier<Optional<RuntimeHealth>> runtime) {
        this.runtime = runtime;
    }

    @Override
    public Health health() {
        Optional<RuntimeHealth> snapshot = runtime.get();
        if (snapshot.isEmpty()) {
            return Health.outOfService().withDetail("state", "NOT_RUNNING").build();
        }
        RuntimeHealth h = snapshot.get();
        Health.Builder b =
                Health.status(status(h)).withDetail("state", h.state().name());
        b.withDetail("database", h.database().reachable() ? "reachable" : "unreachable");
        h.database().error().ifPresent(e -> b.withDetail("databaseError", e));
        Map<String, String> channels = new LinkedHashMap<>();
        h.channels().forEach(c -> channels.put(c.channel().value(), c.state().name()));
        b.withDetail("channels", channels);
        b.withDetail("outboxLag", h.outboxLag().map(Object::toString).orElse("none waiting"));
        Map<String, Map<String, Object>> sources = new LinkedHashMap<>();
        h.sources().forEach(s -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("pollLag", s.pollLag().toString());
            d.put("consecutiveFailures", s.consecutiveFailures());
            s.lastSuccess().ifPresent(t -> d.put("lastSuccess", t.toString()));
            sources.put(s.sourceId(), d);
        });
        b.withDetail("sources", sources);
        Map<String, Integer> loops = new LinkedHashMap<>();
        h.loops().forEach(l -> loops.put(l.name(), l.consecutiveFailures()));
        b.withDetail("loopFailuresInARow", loops);
        b.withDetail("failingNotices", h.failingNotices().size());
        return b.build();
    }

    private static Status status(RuntimeHealth h) {
        if (h.state() != DeskRuntime.State.RUNNING) {
            return Status.OUT_OF_SERVICE;
        }
        if (h.healthy()) {
            return Status.UP;
        }
        boolean authFailed =
                h.channels().stream().anyMatch(c -> c.state() == org.socialcare.core.domain.HealthState.AUTH_FAILED);
        return !h.database().reachable() || authFailed ? Status.DOWN : CareChannelHealth.DEGRADED;
    }
}
