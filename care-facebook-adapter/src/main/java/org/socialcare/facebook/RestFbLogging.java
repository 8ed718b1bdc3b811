package org.socialcare.facebook;

import com.restfb.logging.RestFBLogger;
import java.util.List;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps restfb's own logging from leaking secrets at any level. restfb's {@code com.restfb.HTTP} logger prints,
 * at DEBUG, every request URL with its parameters (the {@code appsecret_proof}, which with the page token is a
 * working credential) and every reply body (customer texts, card numbers included). Before restfb's loggers are
 * created, this sets {@code com.restfb.forceJUL} (unless the application set it) so restfb logs through {@code
 * java.util.logging}, then turns the JUL logger {@code com.restfb.HTTP} off and keeps the other {@code com.restfb}
 * loggers at WARNING; the adapter logs what matters itself, redacted. When restfb was already initialised on SLF4J
 * (the application used restfb first), a single WARN says to keep {@code com.restfb.HTTP} below DEBUG. Idempotent;
 * thread-safe (class initialisation).
 */
final class RestFbLogging {
    private static final Logger LOG = LoggerFactory.getLogger(RestFbLogging.class);
    /** Strong references: JUL holds loggers weakly, and a collected logger forgets its level. */
    private static final List<java.util.logging.Logger> PINNED;

    static {
        if (System.getProperty("com.restfb.forceJUL") == null) {
            System.setProperty("com.restfb.forceJUL", "true");
        }
        java.util.logging.Logger all = java.util.logging.Logger.getLogger("com.restfb");
        all.setLevel(Level.WARNING);
        java.util.logging.Logger http = java.util.logging.Logger.getLogger("com.restfb.HTTP");
        http.setLevel(Level.OFF);
        PINNED = List.of(all, http);
        if (!(RestFBLogger.HTTP_LOGGER instanceof com.restfb.logging.JulLogger)) {
            LOG.warn("restfb was set up to log through SLF4J before the care Facebook adapter loaded: keep logger "
                    + "com.restfb.HTTP below DEBUG, it prints appsecret_proof and Graph reply bodies");
        }
    }

    private RestFbLogging() {}

    /** Applies the settings above (once per class loader). */
    static void install() {
        // the work is the class initialisation
    }

    /** Whether restfb's HTTP logging is off (true once installed, unless restfb was on SLF4J first). */
    static boolean httpLoggingSilenced() {
        return RestFBLogger.HTTP_LOGGER instanceof com.restfb.logging.JulLogger
                && !PINNED.get(1).isLoggable(Level.FINEST);
    }
}
