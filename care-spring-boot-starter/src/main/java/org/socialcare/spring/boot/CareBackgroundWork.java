package org.socialcare.spring.boot;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.CareDesk;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.core.runtime.DeskRuntime;
import org.socialcare.core.runtime.RuntimeHealth;
import org.socialcare.core.runtime.StopResult;
import org.springframework.context.SmartLifecycle;

/**
 * The desk's background work as a Spring {@link SmartLifecycle}: a {@link DeskRuntime} (outbox dispatch every {@code
 * care.background.outbox-interval}, the SLA sweep every {@code sweep-interval}, the application's {@link ChannelSource}
 * beans polled every {@code poll-interval}, routing and escalation-notice delivery at the runtime's defaults).
 *
 * <p>Multi-node safe as the desk is: outbox entries are claimed in the database before publishing, so nodes share
 * the work without sending twice; sweep passes are idempotent per checkpoint. A failed pass is logged with its masked
 * message and stack trace and the next one runs on schedule. {@link #stop()} stops the runtime within {@code
 * shutdown-timeout}: work in flight may finish until then, is then interrupted and left to its lease for another
 * node or the next start. The runtime's threads are daemons here: the application context, not these threads, decides
 * when the application ends. Thread-safe.
 */
public final class CareBackgroundWork implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(CareBackgroundWork.class);

    private final CareDesk desk;
    private final CareProperties.Background settings;
    private final List<ChannelSource> sources;
    private DeskRuntime runtime;
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
        DeskRuntime.Builder b = DeskRuntime.builder(desk)
                .dispatchEvery(settings.getOutboxInterval())
                .sweepEvery(settings.getSweepInterval())
                .stopBound(settings.getShutdownTimeout())
                .threadFactory(r -> {
                    Thread t = new Thread(r, "care-background-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        sources.forEach(
                s -> b.source(s, settings.getPollIntervals().getOrDefault(s.sourceId(), settings.getPollInterval())));
        runtime = b.build().start(); // a stopped runtime cannot restart: each start builds a new one
        running = true;
        LOG.info(
                "care background work started: outbox every {}, sweep every {}, {} polled sources",
                settings.getOutboxInterval(),
                settings.getSweepInterval(),
                sources.size());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        StopResult stop = runtime.stop(settings.getShutdownTimeout());
        runtime = null;
        LOG.info(
                "care background work stopped in {} ms; left in flight: {}",
                stop.took().toMillis(),
                stop.leftInFlight());
    }

    /** The runtime's health while running (for a health endpoint); empty when stopped. */
    public synchronized Optional<RuntimeHealth> health() {
        return Optional.ofNullable(runtime).map(DeskRuntime::health);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
