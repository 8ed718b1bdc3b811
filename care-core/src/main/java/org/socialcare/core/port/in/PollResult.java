package org.socialcare.core.port.in;

import org.socialcare.core.domain.Checks;

/** What one poll of a source ingested, and whether the source has more waiting (a backlog). Immutable. */
public record PollResult(IngestResult ingested, boolean hasMore) {
    public PollResult {
        Checks.notNull(ingested, "ingested");
    }
}
