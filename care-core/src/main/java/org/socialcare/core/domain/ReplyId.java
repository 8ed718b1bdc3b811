package org.socialcare.core.domain;

/** Identifies a {@link Reply} (an outbox entry). Immutable. */
public record ReplyId(String value) {
    public ReplyId {
        Checks.notBlank(value, "reply id");
    }

    public static ReplyId of(String value) {
        return new ReplyId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
