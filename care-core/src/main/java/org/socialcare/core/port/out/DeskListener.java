package org.socialcare.core.port.out;

import org.socialcare.core.domain.DeskEvent;

/**
 * Told about what happens on a desk as it happens ({@link DeskEvent}: messages in, first responses, resolutions,
 * replies published, held or failed, escalation firings, dead letters, channel pauses, polls), for metrics, tracing
 * or a bank's own monitoring. Register any number with {@code CareDesk.builder().listener(..)}.
 *
 * <p>Promises: an event is delivered once per desk that made the change, after the storage transaction that made it
 * has committed (never for work that rolled back), on the thread that made it, before the desk's call returns;
 * events of one call arrive in the order the desk made them. Listeners are called one after another in registration
 * order. Another desk sharing the storage reports its own changes to its own listeners.
 *
 * <p>Thread safety and errors: the desk calls listeners from every thread that uses it, concurrently, so an
 * implementation must be thread-safe; it should be quick and must not call back into the desk. An exception a
 * listener throws is caught and logged at WARN and changes nothing on the desk (other listeners still get the
 * event).
 */
@FunctionalInterface
public interface DeskListener {
    void onEvent(DeskEvent event);
}
