package org.socialcare.core.port.in;

import java.util.List;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.ConversationId;

/**
 * What one ingest did: messages stored, duplicates skipped, conversations opened and reopened, the bank's
 * echoes seen, and payloads dead-lettered. {@code touched} lists the conversations changed, in order.
 * Immutable.
 */
public record IngestResult(
        int stored,
        int duplicates,
        int opened,
        int reopened,
        int echoes,
        int deadLettered,
        List<ConversationId> touched) {
    public IngestResult {
        touched = List.copyOf(Checks.notNull(touched, "touched"));
    }

    public static IngestResult nothing() {
        return new IngestResult(0, 0, 0, 0, 0, 0, List.of());
    }

    /** Both results added up. */
    public IngestResult plus(IngestResult other) {
        List<ConversationId> all = new java.util.ArrayList<>(touched);
        all.addAll(other.touched);
        return new IngestResult(
                stored + other.stored,
                duplicates + other.duplicates,
                opened + other.opened,
                reopened + other.reopened,
                echoes + other.echoes,
                deadLettered + other.deadLettered,
                all);
    }
}
