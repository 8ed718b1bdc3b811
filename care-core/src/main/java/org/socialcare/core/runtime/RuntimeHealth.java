package org.socialcare.core.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.ChannelHealth;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.HealthState;
import org.socialcare.core.port.out.NoticeOutbox;

/**
 * A snapshot of a {@link DeskRuntime}: its state, whether the database answered, each channel's health, the outbox
 * lag (age of the oldest reply still queued), each source's poll lag (time since its last successful poll, or since
 * the runtime started when it never succeeded), each loop's failures, and the escalation notices that failed
 * at least once and are still queued (up to {@link DeskRuntime#HEALTH_FAILING_NOTICES}, with attempts and last error).
 * Error texts are masked (no card numbers, IBANs, phone numbers or e-mail addresses). Immutable.
 */
public record RuntimeHealth(
        Instant at,
        DeskRuntime.State state,
        Database database,
        List<ChannelHealth> channels,
        Optional<Duration> outboxLag,
        List<Source> sources,
        List<Loop> loops,
        List<NoticeOutbox.Entry> failingNotices) {

    public RuntimeHealth {
        Checks.notNull(at, "at");
        Checks.notNull(state, "state");
        Checks.notNull(database, "database");
        channels = List.copyOf(Checks.notNull(channels, "channels"));
        Checks.notNull(outboxLag, "outboxLag");
        sources = List.copyOf(Checks.notNull(sources, "sources"));
        loops = List.copyOf(Checks.notNull(loops, "loops"));
        failingNotices = List.copyOf(Checks.notNull(failingNotices, "failingNotices"));
    }

    /** Whether the storage answered a read, and the (masked) error when it did not. */
    public record Database(boolean reachable, Optional<String> error) {
        public Database {
            Checks.notNull(error, "error");
        }
    }

    /** One polled source: its poll lag, last success, failures in a row and last (masked) error. */
    public record Source(
            String sourceId,
            Duration pollLag,
            Optional<Instant> lastSuccess,
            int consecutiveFailures,
            Optional<String> lastError) {
        public Source {
            Checks.notBlank(sourceId, "sourceId");
            Checks.notNull(pollLag, "pollLag");
            Checks.notNull(lastSuccess, "lastSuccess");
            Checks.notNull(lastError, "lastError");
        }
    }

    /** One of the runtime's loops (poll, dispatch, sweep, route, notices): last completed run, failures in a row. */
    public record Loop(
            String name, Optional<Instant> lastCompleted, int consecutiveFailures, Optional<String> lastError) {
        public Loop {
            Checks.notBlank(name, "name");
            Checks.notNull(lastCompleted, "lastCompleted");
            Checks.notNull(lastError, "lastError");
        }
    }

    /**
     * True when the runtime is running, the database answered, no channel failed authentication, and no loop or
     * source has failed three times in a row.
     */
    public boolean healthy() {
        return state == DeskRuntime.State.RUNNING
                && database.reachable()
                && channels.stream().noneMatch(c -> c.state() == HealthState.AUTH_FAILED)
                && loops.stream().allMatch(l -> l.consecutiveFailures() < 3)
                && sources.stream().allMatch(s -> s.consecutiveFailures() < 3);
    }
}
