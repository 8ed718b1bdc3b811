package org.socialcare.examples.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.socialcare.core.CareDesk;
import org.socialcare.core.DeskSettings;
import org.socialcare.core.MessagePolicies;
import org.socialcare.core.port.out.ApprovalGateway;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ChannelStateStore;
import org.socialcare.core.port.out.EscalationFiringStore;
import org.socialcare.examples.SimulatedClock;
import org.socialcare.examples.demo.platforms.EmulatedPlatforms;
import org.socialcare.examples.demo.platforms.XApiVersion;
import org.socialcare.twitter.TwitterTextLimits;

/** Sets up Northbank's desk on the given storage, plays the care day and builds the report. */
public final class CareDayRun {
    private CareDayRun() {}

    /** How customer messages reach the desk. */
    public enum Platforms {
        /**
         * Through the real adapters and local X (Twitter) and Graph API emulators over HTTP (the default); the
         * Twitter accounts on v1.1 (twitter4j) unless told otherwise ({@link XApiVersion}).
         */
        EMULATED,
        /** Straight into {@code CareDesk.ingest}, with in-process publishers. */
        DIRECT
    }

    /**
     * The desk, its log and report after one simulated day; {@code platforms} holds the (closed) emulators of an
     * emulated run, for inspection.
     */
    public record Outcome(CareDesk desk, DayLog log, DayReport report, Optional<EmulatedPlatforms> platforms) {}

    /** Plays the day through the emulated platforms. */
    public static Outcome run(CareStorage storage, int messages, long seed, double speed, PrintStream progressOut) {
        return run(storage, Platforms.EMULATED, messages, seed, speed, progressOut);
    }

    public static Outcome run(
            CareStorage storage, Platforms platforms, int messages, long seed, double speed, PrintStream progressOut) {
        return run(storage, Optional.empty(), platforms, messages, seed, speed, progressOut);
    }

    /** Plays the day on {@code storage}, keeping escalation rule firings in {@code firings} (the database's) when given. */
    public static Outcome run(
            CareStorage storage,
            Optional<EscalationFiringStore> firings,
            Platforms platforms,
            int messages,
            long seed,
            double speed,
            PrintStream progressOut) {
        return run(storage, firings, Optional.empty(), platforms, messages, seed, speed, progressOut);
    }

    /**
     * Plays the day on {@code storage}, with escalation firings and replies held for approval in the database's
     * stores when given (else in memory); tweets are measured with twitter-text.
     */
    public static Outcome run(
            CareStorage storage,
            Optional<EscalationFiringStore> firings,
            Optional<ApprovalGateway> approvals,
            Platforms platforms,
            int messages,
            long seed,
            double speed,
            PrintStream progressOut) {
        return run(storage, firings, approvals, Optional.empty(), platforms, messages, seed, speed, progressOut);
    }

    /** As above, with the channels' kill switch in {@code channelStates} (the database's) when given. */
    public static Outcome run(
            CareStorage storage,
            Optional<EscalationFiringStore> firings,
            Optional<ApprovalGateway> approvals,
            Optional<ChannelStateStore> channelStates,
            Platforms platforms,
            int messages,
            long seed,
            double speed,
            PrintStream progressOut) {
        return run(
                storage,
                firings,
                approvals,
                channelStates,
                platforms,
                XApiVersion.V1_1,
                messages,
                seed,
                speed,
                progressOut);
    }

    /**
     * As above, with the emulated Twitter accounts on {@code xApi} (X API v2 or v1.1; ignored when the day is
     * delivered directly). The day and its report are the same on either but for
     * the hijacker's post id in the channel-pause line.
     */
    public static Outcome run(
            CareStorage storage,
            Optional<EscalationFiringStore> firings,
            Optional<ApprovalGateway> approvals,
            Optional<ChannelStateStore> channelStates,
            Platforms platforms,
            XApiVersion xApi,
            int messages,
            long seed,
            double speed,
            PrintStream progressOut) {
        Objects.requireNonNull(xApi, "xApi");
        MessagePolicies.Builder policies = MessagePolicies.builder().textLimits(TwitterTextLimits.create());
        approvals.ifPresent(policies::approvals);
        SimulatedClock clock = new SimulatedClock(CareDaySimulation.OPENING);
        BankSetup bank = new BankSetup();
        DayLog log = new DayLog();
        DeskSettings settings = DeskSettings.ofDefaults().withFirstResponseTarget(Duration.ofMinutes(30));
        CareDesk.Builder builder = bank.configure(CareDesk.builder())
                .clock(clock)
                // the day replays for its seed: ids in the order they are made, the retry jitter from the seed
                .ids(new ReplayableIds(clock))
                .random(new Random(seed))
                .storage(storage)
                .settings(settings)
                .messagePolicies(policies.build())
                .callbackGateway(request -> {})
                .complaintGateway(request -> log.complaintOpened());
        firings.ifPresent(builder::escalationFirings);
        channelStates.ifPresent(builder::channelStates);
        EmulatedPlatforms emulated = null;
        long start = System.nanoTime();
        try {
            CareDesk desk;
            Delivery delivery;
            if (platforms == Platforms.EMULATED) {
                emulated = EmulatedPlatforms.start(bank, clock, xApi);
                desk = emulated.configure(builder).build();
                delivery = emulated.connect(desk);
            } else {
                desk = builder.publishers(SimulatedPlatforms.publishers()).build();
                delivery = new DirectDelivery(desk);
            }
            try (delivery) {
                new CareDaySimulation(desk, clock, bank, delivery, messages, seed, speed, log)
                        .run(progress(messages, progressOut));
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            return new Outcome(
                    desk,
                    log,
                    DayReport.of(desk, log, settings.firstResponseTarget(), wall),
                    Optional.ofNullable(emulated));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local platform emulators", e);
        } finally {
            if (emulated != null) {
                emulated.close();
            }
        }
    }

    /** A progress bar with throughput; redraws in place on a terminal, prints every 10% otherwise. */
    static IntConsumer progress(int total, PrintStream out) {
        boolean tty = System.console() != null;
        long start = System.nanoTime();
        AtomicInteger lastDecile = new AtomicInteger(-1);
        return done -> {
            int pct = total == 0 ? 100 : (int) (100L * done / total);
            double secs = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
            String line = String.format(
                    Locale.ROOT,
                    "[%-40s] %3d%% %6d/%d messages, %,.0f msg/s",
                    "#".repeat(pct * 40 / 100),
                    pct,
                    done,
                    total,
                    done / secs);
            if (tty) {
                out.print("\r" + line);
                if (done >= total) {
                    out.println();
                }
            } else if (pct / 10 > lastDecile.get()) {
                lastDecile.set(pct / 10);
                out.println(line);
            }
        };
    }
}
