package org.socialcare.core.domain;

/** A message's identity across the desk: the platform and the platform's own message id. Immutable. */
public record MessageKey(Platform platform, String messageId) {
    public MessageKey {
        Checks.notNull(platform, "platform");
        Checks.notBlank(messageId, "messageId");
    }

    public static MessageKey of(Platform platform, String messageId) {
        return new MessageKey(platform, messageId);
    }

    @Override
    public String toString() {
        return platform + ":" + messageId;
    }
}
