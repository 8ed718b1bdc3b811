package org.socialcare.core.domain;

/**
 * A payload an adapter could not turn into messages: the raw text is kept (for a dead letter), with the
 * reason naming what was wrong. Immutable.
 */
public record RejectedPayload(String source, String rawPayload, String reason) {
    public RejectedPayload {
        Checks.notBlank(source, "source");
        Checks.notNull(rawPayload, "rawPayload");
        Checks.notBlank(reason, "reason");
    }
}
