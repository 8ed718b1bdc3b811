package org.socialcare.core.domain;

/** Identifies a {@link Conversation}; made by the desk's {@code IdGenerator}. Immutable. */
public record ConversationId(String value) {
    public ConversationId {
        Checks.notBlank(value, "conversation id");
    }

    public static ConversationId of(String value) {
        return new ConversationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
