package org.socialcare.core.port.in;

import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.port.out.PayloadReader;

/**
 * What an operator does on a running desk ({@code CareDesk.operations()}): finds the replies the outbox gave up on,
 * desk-wide, page by page, and puts one back after the cause is fixed; lists the open dead letters and has one
 * read again after the adapter or the configuration was fixed. Every change is audited under the operator's name.
 * Thread-safe; several desks sharing one storage may run these at once.
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

    /**
     * Up to {@code limit} open dead letters (not reprocessed yet), in the order they were kept, starting after the one
     * with id {@code after} (empty: from the first); give the last id of a page as {@code after} to read the next.
     * Payloads and reasons are as stored: masked and size-capped.
     *
     * @throws IllegalArgumentException unless {@code limit} is 1 to {@value #MAX_PAGE}
     */
    List<DeadLetter> deadLetters(Optional<String> after, int limit);

    /**
     * Reads an open dead letter's payload again with {@code reader} (the adapter's own, after its fix), ingests the
     * messages found as a webhook or poll would (duplicates by message key are skipped, so reprocessing twice stores
     * nothing twice), then marks the dead letter reprocessed and audits it ({@code DEAD_LETTER_REPROCESSED}) under
     * {@code operator:<operator>}. When two operators reprocess one dead letter at once, both ingest (the second
     * stores nothing new) and one marks it. What is read is the stored payload, masked at rest, so card numbers come
     * back masked. Dead letters of messages for an unknown channel hold a readable rendering, not the platform's
     * payload: the reader cannot read them; the platform's redelivery or the next poll brings such messages again.
     *
     * @return what the ingest did
     * @throws org.socialcare.core.error.CareException leaving the dead letter open and nothing ingested, when it is
     *     unknown or reprocessed already, the reader still cannot read it, the reader finds no message in it, or a
     *     message names a channel this desk does not have
     * @throws IllegalArgumentException when {@code id} or {@code operator} is blank
     */
    IngestResult reprocessDeadLetter(String id, PayloadReader reader, String operator);
}
