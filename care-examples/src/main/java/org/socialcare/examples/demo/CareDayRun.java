package org.socialcare.examples.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.socialcare.core.CareDesk;
import org.socialcare.core.DeskSettings;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.examples.SimulatedClock;

/** Sets up Northbank's desk on the given storage, plays the care day and builds the report. */
public final class CareDayRun {
    private CareDayRun() {}

    /** The desk, its log and report after one simulated day. */
    public record Outcome(CareDesk desk, DayLog log, DayReport report) {}

    public static Outcome run(CareStorage storage, int messages, long seed, double speed, PrintStream progressOut) {
        SimulatedClock clock = new SimulatedClock(CareDaySimulation.OPENING);
        BankSetup bank = new BankSetup();
        DayLog log = new DayLog();
        DeskSettings settings = DeskSettings.ofDefaults().withFirstResponseTarget(Duration.ofMinutes(30));
        CareDesk desk = bank.configure(CareDesk.builder())
                .clock(clock)
                .storage(storage)
                .settings(settings)
                .publishers(SimulatedPlatforms.publishers())
                .callbackGateway(request -> {})
                .complaintGateway(request -> log.complaintOpened())
                .build();
        long start = System.nanoTime();
        try (Delivery delivery = new DirectDelivery(desk)) {
            new CareDaySimulation(desk, clock, bank, delivery, messages, seed, speed, log).run(progress(messages, progressOut));
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        return new Outcome(desk, log, DayReport.of(desk, log, settings.firstResponseTarget(), wall));
    }

    /** A progress bar with throughput; redraws in place on a terminal, prints every 10% otherwise. */
    static IntConsumer progress(int total, PrintStream out) {
        boolean tty = System.console() != null;
        long start = System.nanoTime();
        AtomicInteger lastDecile = new AtomicInteger(-1);
        return done -> {
            int pct = total == 0 ? 100 : (int) (100L * done / total);
            double secs = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
            String line = String.format("[%-40s] %3d%% %6d/%d messages, %,.0f msg/s", "#".repeat(pct * 40 / 100), pct, done, total, done / secs);
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
