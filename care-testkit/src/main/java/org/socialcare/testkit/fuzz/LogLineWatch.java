package org.socialcare.testkit.fuzz;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.sensitive.SensitiveDataDetector;
import org.socialcare.core.domain.sensitive.SensitiveDataKind;

/**
 * Reads every log line (message and exception messages) written while it is open, as it is written, without
 * keeping them: a line longer than {@code maxChars} or holding a card number or IBAN is a violation (the first
 * ten are kept, masked and cut, for the failure message). Meant to run around a {@link PayloadFuzz} run, so a
 * hostile payload that makes an adapter log half a megabyte or a card number in clear fails the test. Needs
 * logback-classic as the SLF4J backend of the test (an optional dependency of the testkit). Thread-safe.
 */
public final class LogLineWatch implements AutoCloseable {
    private static final int KEPT = 10;

    private final int maxChars;
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final SensitiveDataDetector detector = SensitiveDataDetector.of(SensitiveDataKind.financial());
    private final AtomicLong lines = new AtomicLong();
    private final List<String> violations = new ArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            lines.incrementAndGet();
            check(event.getLoggerName(), event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                check(event.getLoggerName() + " (exception)", t.getMessage());
            }
        }
    };

    private LogLineWatch(int maxChars) {
        this.maxChars = maxChars;
    }

    /**
     * Starts watching every logger.
     *
     * @param maxChars longest line allowed, at least 80
     */
    public static LogLineWatch start(int maxChars) {
        if (maxChars < 80) {
            throw new IllegalArgumentException("maxChars must be at least 80, was " + maxChars);
        }
        LogLineWatch watch = new LogLineWatch(maxChars);
        watch.appender.setContext(watch.root.getLoggerContext());
        watch.appender.setName("care-log-line-watch");
        watch.appender.start();
        watch.root.addAppender(watch.appender);
        return watch;
    }

    private void check(String logger, String line) {
        if (line == null) {
            return;
        }
        String problem = null;
        if (line.length() > maxChars) {
            problem = "a line of " + line.length() + " chars (limit " + maxChars + ")";
        } else if (!detector.find(line).isEmpty()) {
            problem = "a line holding " + detector.find(line).get(0).kind();
        }
        if (problem != null) {
            synchronized (violations) {
                if (violations.size() < KEPT) {
                    String shown = detector.mask(line.length() > 200 ? line.substring(0, 200) + "..." : line);
                    violations.add(logger + ": " + problem + ": " + shown);
                }
            }
        }
    }

    /** Log lines seen so far. */
    public long lines() {
        return lines.get();
    }

    /** The first violations (at most ten), masked and cut; empty when every line was short and clean. */
    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
