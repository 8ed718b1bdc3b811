package org.socialcare.core.port.in;

import java.util.List;
import org.socialcare.core.port.out.NoticeOutbox;

/**
 * Durable escalation notices: each notice is stored with the change that caused it and handed to the
 * {@code EscalationNotifier} after the commit; a notifier that throws leaves it queued. Implementations are
 * thread-safe; several desks may deliver from one store (at least once).
 */
public interface DeliverNotices {
    /**
     * Hands due queued notices to the notifier (a batch): each one the notifier takes is removed; each one it throws
     * for is kept with its attempts, its masked error and a next attempt after exponential backoff (30 s doubling up
     * to 1 h). Call it every few seconds (the desk runtime does); call again while {@link NoticeResult#hasMore()}.
     */
    NoticeResult deliverNotices();

    /**
     * Up to {@code limit} queued notices that failed at least once, the longest failing first, each with its attempts
     * and masked last error: what an operator looks at when the paging or e-mail system is down.
     *
     * @throws IllegalArgumentException unless {@code limit} is positive
     */
    List<NoticeOutbox.Entry> failingNotices(int limit);
}
