package org.socialcare.spring.boot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.CareDesk;
import org.socialcare.core.PollingScheduler;
import org.socialcare.core.port.out.ChannelSource;
import org.springframework.context.SmartLifecycle;

/**
 * The desk's background work as a Spring {@link SmartLifecycle}: the outbox dispatcher and the SLA sweep on a
 * fixed delay each, and a {@link PollingScheduler} over the application's {@link ChannelSource} beans.
 *
 * <p>Multi-node safe as the desk is: outbox entries are claimed in the database before publishing, so nodes share
 * the work without sending twice; sweep passes are idempotent per checkpoint. A failed pass is logged and the next
 * one runs on schedule. {@link #stop()} stops scheduling, lets an in-flight pass finish for up to {@code
 * shutdownTimeout} and then interrupts it; entries a pass had not claimed stay in the outbox for another node or the
 * next start. Thread-safe.
 */
public final class CareBackgroundWork implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(CareBackgroundWork.class);

    private final CareDesk desk;
    private final CareProperties.Background settings;
    private final List<ChannelSource> sources;
    private ScheduledExecutorService executor;
    private PollingScheduler polling;
    private volatile boolean running;

    /**
     * @throws org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException naming
     *     the interval that is not positive, or a per-source interval of a source id no ChannelSource bean has
     */
    public CareBackgroundWork(CareDesk desk, CareProperties.Background settings, List<ChannelSource> sources) {
        this.desk = desk;
        this.settings = settings;
        this.sources = List.copyOf(sources);
        positive("care.background.outbox-interval", settings.getOutboxInterval());
        positive("care.background.sweep-interval", settings.getSweepInterval());
        positive("care.background.poll-interval", settings.getPollInterval());
        positive("care.background.shutdown-timeout", settings.getShutdownTimeout());
        java.util.Set<String> ids = new java.util.HashSet<>();
        this.sources.forEach(s -> ids.add(s.sourceId()));
        settings.getPollIntervals().forEach((source, every) -> {
            String key = "care.background.poll-intervals." + source;
            positive(key, every);
            if (!ids.contains(source)) {
                throw CareDeskFactory.invalid(
                        key, every, "no ChannelSource bean has this source id; the sources are " + ids);
            }
        });
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw CareDeskFactory.invalid(key, value, "it must be a positive duration");
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "care-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        schedule("outbox dispatch", settings.getOutboxInterval(), desk::dispatchOutbox);
        schedule("sweep", settings.getSweepInterval(), desk::sweep);
        if (!sources.isEmpty()) {
            PollingScheduler.Builder b = PollingScheduler.builder(desk);
            sources.forEach(s ->
                    b.source(s, settings.getPollIntervals().getOrDefault(s.sourceId(), settings.getPollInterval())));
            polling = b.build();
            polling.start();
        }
        running = true;
        LOG.info(
                "care background work started: outbox every {}, sweep every {}, {} polled sources",
                settings.getOutboxInterval(),
                settings.getSweepInterval(),
                sources.size());
    }

    private void schedule(String name, Duration every, Runnable pass) {
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        pass.run();
                    } catch (RuntimeException e) {
                        LOG.warn("care {} pass failed, next in {}: {}", name, every, e.toString());
                    }
                },
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (polling != null) {
            polling.close();
            polling = null;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(settings.getShutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("care background work still running after {}: interrupting", settings.getShutdownTimeout());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("care background work stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
