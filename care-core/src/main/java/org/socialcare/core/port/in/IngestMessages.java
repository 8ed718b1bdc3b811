package org.socialcare.core.port.in;

import org.socialcare.core.domain.Batch;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.core.port.out.WebhookHandler;

/**
 * Messages into the desk: batches, polls of a source, platform callbacks. Implementations are thread-safe.
 */
public interface IngestMessages {
    /**
     * Stores a batch: rejected payloads become dead letters, messages are deduped and threaded, the bank's
     * own echoes are matched against the outbox, then the batch's checkpoint is saved, all in one transaction.
     * Messages and echoes naming a channel the desk does not have are dead-lettered (a readable first line and the
     * message in a form the desk reads back once the channel is added; the reason names the channel and the
     * configured ones) and the rest of the batch goes on. Never throws for
     * bad input; storage failures propagate (nothing of the batch is kept where the storage can roll back).
     */
    IngestResult ingest(Batch batch);

    /**
     * Polls one source from its stored checkpoint and ingests what it returns. Platform errors update the
     * channel's health and are rethrown (the {@code PollingScheduler} waits accordingly).
     */
    PollResult poll(ChannelSource source);

    /**
     * Handles a platform callback with {@code handler}: verification challenges are answered, messages are
     * ingested, a rejected signature is audited and answered with its status, a malformed body (or one the
     * handler fails on unexpectedly) is kept as a dead letter and answered 400. Never throws: when the storage
     * fails the answer is 500, so the platform delivers the callback again.
     */
    WebhookResult webhook(WebhookHandler handler, WebhookRequest request);
}
