package org.socialcare.core.domain;

/** Identifies an {@link Agent}. Immutable. */
public record AgentId(String value) {
    public AgentId {
        Checks.notBlank(value, "agent id");
    }

    public static AgentId of(String value) {
        return new AgentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
