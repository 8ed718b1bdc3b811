package org.socialcare.core.port.in;

import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;

/**
 * What an operator does on a running desk ({@code CareDesk.operations()}): finds the replies the outbox gave up on,
 * desk-wide, page by page, and puts one back after the cause is fixed. Every change is audited under the operator's
 * name. Thread-safe; several desks sharing one storage may run these at once.
 */
public interface Operations {
    /** The largest page {@link #failedReplies} returns. */
    int MAX_PAGE = 500;

    /**
     * Up to {@code limit} FAILED replies of every channel, oldest first, starting after {@code after} (empty: from the
     * first); give the last id of a page as {@code after} to read the next. Texts are as stored (masked at rest).
     *
     * @throws IllegalArgumentException unless {@code limit} is 1 to {@value #MAX_PAGE}
     */
    List<Reply> failedReplies(Optional<ReplyId> after, int limit);

    /**
     * Puts a FAILED reply back in the outbox, due now with a fresh retry budget, and audits it ({@code REPLY_RETRIED})
     * under {@code operator:<operator>}; the next dispatch sends it (or, when the failed attempt's outcome was
     * unknown, looks it up on the platform first). Returns the reply as queued.
     *
     * @throws org.socialcare.core.error.CareException when there is no such reply or it is not FAILED (another
     *     operator retried it first, or it was sent)
     * @throws IllegalArgumentException when {@code operator} is blank
     */
    Reply retryFailedReply(ReplyId id, String operator);
}
