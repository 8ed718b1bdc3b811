package org.socialcare.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.DeskEvent;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.DeskListener;
import org.socialcare.core.port.out.TransactionManager;

/**
 * Hands a desk's {@link DeskEvent}s to its {@link DeskListener}s after commit. Services {@link #emit} where they make
 * a change; an event emitted inside a desk transaction waits on the calling thread until the outermost transaction
 * of the desk's {@link #deliveringAfterCommit wrapped} transaction manager returns, and is dropped when it throws (or
 * when the nested call that emitted it throws); outside a transaction it is delivered at once. A listener's exception
 * is logged and swallowed. Without listeners it does nothing and wraps nothing. Not API. Thread-safe.
 */
public final class DeskEvents {
    private static final Logger LOG = LoggerFactory.getLogger(DeskEvents.class);

    private final List<DeskListener> listeners;
    private final ThreadLocal<List<DeskEvent>> pending = new ThreadLocal<>();

    public DeskEvents(List<DeskListener> listeners) {
        this.listeners = List.copyOf(Checks.notNull(listeners, "listeners"));
    }

    /** Whether anyone listens (callers may skip building an event when not). */
    public boolean active() {
        return !listeners.isEmpty();
    }

    /** Delivers the event after the running transaction commits, or now when none runs on this thread. */
    public void emit(DeskEvent event) {
        if (listeners.isEmpty()) {
            return;
        }
        List<DeskEvent> buffered = pending.get();
        if (buffered != null) {
            buffered.add(event);
        } else {
            deliver(List.of(event));
        }
    }

    /** The storage with its transaction manager wrapped by {@link #deliveringAfterCommit}. */
    public CareStorage deliveringAfterCommit(CareStorage s) {
        if (listeners.isEmpty()) {
            return s;
        }
        return new CareStorage(
                s.conversations(),
                s.messages(),
                s.outbox(),
                s.audit(),
                s.checkpoints(),
                s.deadLetters(),
                s.escalationFirings(),
                s.channelStates(),
                s.approvals(),
                deliveringAfterCommit(s.transactions()));
    }

    /**
     * {@code tx}, buffering the events emitted inside a transaction: delivered when the outermost call returns,
     * dropped with the work of a call that throws; a retried work (a manager that runs it again) starts from the
     * events buffered before it.
     */
    public TransactionManager deliveringAfterCommit(TransactionManager tx) {
        Checks.notNull(tx, "transactions");
        if (listeners.isEmpty()) {
            return tx;
        }
        return new TransactionManager() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                Checks.notNull(work, "work");
                List<DeskEvent> buffered = pending.get();
                boolean outermost = buffered == null;
                if (outermost) {
                    buffered = new ArrayList<>();
                    pending.set(buffered);
                }
                List<DeskEvent> events = buffered;
                int mark = events.size();
                T result;
                try {
                    result = tx.inTransaction(() -> {
                        events.subList(mark, events.size()).clear();
                        return work.get();
                    });
                } catch (RuntimeException | Error e) {
                    events.subList(mark, events.size()).clear();
                    throw e;
                } finally {
                    if (outermost) {
                        pending.remove();
                    }
                }
                if (outermost) {
                    deliver(events);
                }
                return result;
            }
        };
    }

    private void deliver(List<DeskEvent> events) {
        for (DeskEvent event : events) {
            for (DeskListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn(
                            "desk listener {} failed on {} ({}); the desk goes on",
                            listener.getClass().getName(),
                            event.getClass().getSimpleName(),
                            e.getClass().getName());
                    LOG.debug("desk listener failure", e);
                }
            }
        }
    }
}
