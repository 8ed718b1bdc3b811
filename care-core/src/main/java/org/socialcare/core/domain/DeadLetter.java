package org.socialcare.core.domain;

import java.time.Instant;

/** A payload the desk could not take, kept whole with the reason, for a person to look at. Immutable. */
public record DeadLetter(String id, String source, String rawPayload, String reason, Instant receivedAt) {
    public DeadLetter {
        Checks.notBlank(id, "id");
        Checks.notBlank(source, "source");
        Checks.notNull(rawPayload, "rawPayload");
        Checks.notBlank(reason, "reason");
        Checks.notNull(receivedAt, "receivedAt");
    }
}
