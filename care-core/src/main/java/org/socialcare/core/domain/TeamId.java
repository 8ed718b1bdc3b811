package org.socialcare.core.domain;

/** Identifies a {@link Team}. Immutable. */
public record TeamId(String value) {
    public TeamId {
        Checks.notBlank(value, "team id");
    }

    public static TeamId of(String value) {
        return new TeamId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
