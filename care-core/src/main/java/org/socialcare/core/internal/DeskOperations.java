package org.socialcare.core.internal;

import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.internal.ingest.DeadLetterService;
import org.socialcare.core.internal.publish.OperatorService;
import org.socialcare.core.port.in.IngestResult;
import org.socialcare.core.port.in.Operations;
import org.socialcare.core.port.out.PayloadReader;

/**
 * The operator API of one desk: the outbox's side ({@link OperatorService}) and the dead letters' side
 * ({@link DeadLetterService}), which live in packages that must not depend on each other. Not API. Thread-safe.
 */
final class DeskOperations implements Operations {
    private final OperatorService outbox;
    private final DeadLetterService deadLetters;

    DeskOperations(OperatorService outbox, DeadLetterService deadLetters) {
        this.outbox = outbox;
        this.deadLetters = deadLetters;
    }

    @Override
    public List<Reply> failedReplies(Optional<ReplyId> after, int limit) {
        return outbox.failedReplies(after, limit);
    }

    @Override
    public Reply retryFailedReply(ReplyId id, String operator) {
        return outbox.retryFailedReply(id, operator);
    }

    @Override
    public List<DeadLetter> deadLetters(Optional<String> after, int limit) {
        return deadLetters.open(after, limit);
    }

    @Override
    public IngestResult reprocessDeadLetter(String id, PayloadReader reader, String operator) {
        return deadLetters.reprocess(id, reader, operator);
    }
}
