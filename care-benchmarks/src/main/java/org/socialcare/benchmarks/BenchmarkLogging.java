package org.socialcare.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging as a bank runs it in production: WARN. A benchmark that logged every triage at DEBUG would measure
 * the logger (85 MB a minute), not the desk.
 */
final class BenchmarkLogging {
    private BenchmarkLogging() {}

    /**
     * Sets the root logger to WARN.
     *
     * @throws IllegalStateException when the slf4j backend is not logback (the level could not be enforced)
     */
    static void warnOnly() {
        if (!(LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root)) {
            throw new IllegalStateException("benchmarks need logback-classic as the slf4j backend to set WARN; found "
                    + LoggerFactory.getILoggerFactory().getClass().getName());
        }
        root.setLevel(Level.WARN);
    }
}
