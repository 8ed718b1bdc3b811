package org.socialcare.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.CareDesk;
import org.socialcare.examples.demo.BankSetup;
import org.socialcare.examples.demo.CareDaySimulation;
import org.socialcare.examples.demo.CustomerTraffic;
import org.socialcare.examples.demo.SimulatedMessage;
import org.socialcare.examples.demo.platforms.EmulatedPlatforms;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the bank's customers writing: the demo's simulated days ({@link CustomerTraffic}, one seed per day) are
 * posted to the local platform emulators as their time comes on the {@link DemoClock}, and the desk takes them as
 * in production: Twitter mentions and DMs by polling, Facebook comments and Messenger by signed webhooks
 * ({@link EmulatedPlatforms}). When a day is over the clock moves to the next weekday's opening and the next day
 * begins. People answer: nothing here claims or replies.
 *
 * <p>One thread drives the emulated platforms ({@link #deliver} takes the same lock, for tests and tools).
 */
@Component
public class LiveFeed implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    private final CareDesk desk;
    private final EmulatedPlatforms platforms;
    private final BankSetup bank;
    private final DemoClock clock;
    private final ConsoleProperties properties;
    private final Deque<SimulatedMessage> pending = new ArrayDeque<>();
    private ScheduledExecutorService executor;
    private Instant dayStart;
    private int day = -1;
    private volatile boolean running;
    private boolean connected;

    public LiveFeed(
            CareDesk desk, EmulatedPlatforms platforms, BankSetup bank, DemoClock clock, ConsoleProperties properties) {
        this.desk = desk;
        this.platforms = platforms;
        this.bank = bank;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (!connected) {
            try {
                platforms.connect(desk);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot serve the emulated Facebook webhook", e);
            }
            connected = true;
        }
        if (properties.feedEnabled()) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "care-console-feed");
                t.setDaemon(true);
                return t;
            });
            long tick = properties.tick().toMillis();
            executor.scheduleWithFixedDelay(this::tickSafely, 0, tick, TimeUnit.MILLISECONDS);
            LOG.info(
                    "customers write {} messages a simulated day at {}x real time, from {}",
                    properties.messagesPerDay(),
                    properties.speed(),
                    clock.instant());
        }
        running = true;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // a failed pass is retried on the next tick; the message names no customer data
            LOG.warn("feed pass failed: {}", e.toString());
        }
    }

    /** One pass: start the next day when this one is over, post what is due, let the desk take it. */
    synchronized void tick() {
        Instant now = clock.instant();
        if (day < 0 || (pending.isEmpty() && !now.isBefore(dayStart.plus(CareDaySimulation.DAY)))) {
            nextDay(now);
            now = clock.instant();
        }
        List<SimulatedMessage> due = new ArrayList<>();
        while (!pending.isEmpty() && !pending.peek().at().isAfter(now)) {
            due.add(pending.poll());
        }
        if (!due.isEmpty()) {
            platforms.post(due);
        }
        platforms.pump();
    }

    private void nextDay(Instant now) {
        day++;
        if (day == 0) {
            dayStart = CareDaySimulation.OPENING;
        } else {
            Instant next = dayStart.plus(java.time.Duration.ofDays(1));
            while (isWeekend(next)) {
                next = next.plus(java.time.Duration.ofDays(1));
            }
            dayStart = next;
            clock.jumpTo(dayStart);
        }
        pending.clear();
        pending.addAll(new CustomerTraffic(properties.seed() + day, bank)
                .day(dayStart, CareDaySimulation.DAY, properties.messagesPerDay()));
        LOG.info("simulated day {} opens at {} with {} customer messages", day + 1, dayStart, pending.size());
    }

    private static boolean isWeekend(Instant at) {
        DayOfWeek d = at.atOffset(ZoneOffset.UTC).getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    /** Posts these customer messages to the emulated platforms now and lets the desk take them (tests, tools). */
    public synchronized void deliver(List<SimulatedMessage> messages) {
        platforms.post(messages);
        platforms.pump();
    }

    /** Lets the desk take what the emulated platforms hold (due Twitter polls, Facebook echoes). */
    public synchronized void pump() {
        platforms.pump();
    }

    @Override
    public void stop() {
        ScheduledExecutorService e;
        synchronized (this) {
            e = executor;
            executor = null;
            running = false;
        }
        if (e != null) {
            e.shutdownNow();
            try {
                e.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
