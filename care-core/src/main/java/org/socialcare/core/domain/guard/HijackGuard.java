package org.socialcare.core.domain.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Platform;

/**
 * Account-hijack guard: judges the bank's own posts and messages that the desk's outbox did not send
 * (unmatched echoes). One from an allow-listed client app (tweet {@code source}, DM {@code source_app_id},
 * Facebook {@code app_id}: the marketing team's scheduler, the bank's own web client) is expected; one from an
 * unknown app, with no app named (unless {@link Builder#allowUnnamedApps}), or beyond
 * {@link Builder#burst(int, Duration) the burst limit} of unmatched echoes per channel is an
 * {@link Verdict#anomaly()}: the desk pauses the channel at once, notifies and audits.
 *
 * <p>Only fresh echoes are judged: one created more than {@link Builder#freshness(Duration) the freshness
 * window} (default 15 minutes) before it is inspected predates the desk watching the account (a first poll
 * looks back a day and returns the account's own posts) and is recorded, not judged, nor counted towards the
 * burst. Trade-off: a post made while the desk saw nothing of the account for longer than the window (an
 * outage, a stalled poller) is recorded but not judged either; choose a window longer than the polling interval
 * and the outages you want covered.
 *
 * <p>{@link #off()} (the desk's default) judges nothing an anomaly. Thread-safe; burst windows are kept in
 * memory per desk instance (per node).
 */
public final class HijackGuard {
    private final boolean enabled;
    private final Map<Platform, Set<String>> allowedApps;
    private final boolean allowUnnamedApps;
    private final int burstLimit;
    private final Duration burstWindow;
    private final Duration freshness;
    private final Map<ChannelId, Deque<Instant>> recent = new HashMap<>();

    private HijackGuard(Builder b, boolean enabled) {
        this.enabled = enabled;
        Map<Platform, Set<String>> apps = new HashMap<>();
        b.allowedApps.forEach((k, v) -> apps.put(k, Set.copyOf(v)));
        this.allowedApps = Map.copyOf(apps);
        this.allowUnnamedApps = b.allowUnnamedApps;
        this.burstLimit = b.burstLimit;
        this.burstWindow = b.burstWindow;
        this.freshness = b.freshness;
    }

    /** Records unmatched echoes but never suspects a hijack. */
    public static HijackGuard off() {
        return new HijackGuard(new Builder(), false);
    }

    /**
     * Starts with no allowed apps, unnamed apps suspicious, a burst limit of 5 unmatched echoes per 10 minutes,
     * and a freshness window of 15 minutes.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** What the guard makes of one unmatched echo. Immutable. */
    public record Verdict(boolean anomaly, String reason) {
        public Verdict {
            Checks.notBlank(reason, "reason");
        }
    }

    /** Echoes created longer than this before they are inspected are recorded, not judged. */
    public Duration freshness() {
        return freshness;
    }

    /** Judges an echo the outbox did not send, seen at {@code now} on a channel of {@code platform}. */
    public Verdict inspect(OwnMessage echo, Platform platform, Instant now) {
        Checks.notNull(echo, "echo");
        Checks.notNull(platform, "platform");
        Checks.notNull(now, "now");
        String app =
                echo.sourceApp().map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (!enabled) {
            return new Verdict(false, "hijack guard off");
        }
        if (echo.createdAt().isBefore(now.minus(freshness))) {
            return new Verdict(
                    false,
                    "created " + echo.createdAt() + ", which predates the freshness window (" + freshness + " before "
                            + now + "): recorded, not judged");
        }
        int inWindow = record(echo.channel(), now);
        if (inWindow > burstLimit) {
            return new Verdict(
                    true,
                    inWindow + " posts not sent by the desk within " + burstWindow + " (limit " + burstLimit
                            + "), latest from " + (app == null ? "an unnamed app" : "app '" + shown(app) + "'"));
        }
        if (app == null) {
            return allowUnnamedApps
                    ? new Verdict(false, "no client app named; unnamed apps are allowed")
                    : new Verdict(true, "post not sent by the desk and the platform names no client app");
        }
        if (allowedApps.getOrDefault(platform, Set.of()).contains(app)) {
            return new Verdict(false, "expected: app '" + shown(app) + "' is allow-listed for " + platform);
        }
        return new Verdict(true, "post not sent by the desk from unknown app '" + shown(app) + "'");
    }

    /** An app name as the platform sent it, fit for a reason that is logged and audited: short, one line. */
    private static String shown(String app) {
        StringBuilder b = new StringBuilder(Math.min(app.length(), SHOWN_APP_CHARS) + 20);
        for (int i = 0; i < app.length() && i < SHOWN_APP_CHARS; i++) {
            char c = app.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return app.length() > SHOWN_APP_CHARS
                ? b.append("...(").append(app.length()).append(" chars)").toString()
                : b.toString();
    }

    private static final int SHOWN_APP_CHARS = 64;

    private synchronized int record(ChannelId channel, Instant now) {
        Deque<Instant> q = recent.computeIfAbsent(channel, k -> new ArrayDeque<>());
        q.addLast(now);
        Instant from = now.minus(burstWindow);
        while (!q.isEmpty() && !q.peekFirst().isAfter(from)) {
            q.removeFirst();
        }
        return q.size();
    }

    /** Configures a {@link HijackGuard}; validated eagerly; not thread-safe. */
    public static final class Builder {
        private final Map<Platform, Set<String>> allowedApps = new HashMap<>();
        private boolean allowUnnamedApps;
        private int burstLimit = 5;
        private Duration burstWindow = Duration.ofMinutes(10);
        private Duration freshness = Duration.ofMinutes(15);

        private Builder() {}

        /** Posts by this client app on this platform are expected (the value as the platform names it). */
        public Builder allowApp(Platform platform, String app) {
            allowedApps
                    .computeIfAbsent(Checks.notNull(platform, "platform"), k -> new HashSet<>())
                    .add(Checks.notBlank(app, "app").strip());
            return this;
        }

        /** Whether an echo whose platform names no app is expected. Default false. */
        public Builder allowUnnamedApps(boolean value) {
            allowUnnamedApps = value;
            return this;
        }

        /**
         * More than {@code limit} unmatched echoes on one channel within {@code window} is an anomaly, even from
         * allowed apps. Default 5 per 10 minutes.
         */
        public Builder burst(int limit, Duration window) {
            burstLimit = Checks.positive(limit, "burst limit");
            burstWindow = Checks.positive(window, "burst window");
            return this;
        }

        /**
         * Echoes created more than {@code window} before the desk sees them predate its watch over the account
         * (a first poll's look-back, a backlog): recorded, not judged. Default 15 minutes; keep it longer than
         * the polling interval.
         */
        public Builder freshness(Duration window) {
            freshness = Checks.positive(window, "freshness");
            return this;
        }

        public HijackGuard build() {
            return new HijackGuard(this, true);
        }
    }
}
