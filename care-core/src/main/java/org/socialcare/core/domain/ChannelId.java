package org.socialcare.core.domain;

/** Identifies a {@link Channel} inside one desk, e.g. {@code twitter-care}. Immutable. */
public record ChannelId(String value) {
    public ChannelId {
        Checks.notBlank(value, "channel id");
    }

    public static ChannelId of(String value) {
        return new ChannelId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
