package org.socialcare.core.domain;

import java.util.Optional;

/** A group of agents that owns channels or business units. Immutable. */
public record Team(TeamId id, String name, Optional<String> businessUnit) {
    public Team {
        Checks.notNull(id, "id");
        Checks.notBlank(name, "name");
        Checks.notNull(businessUnit, "businessUnit");
    }

    public static Team of(String id, String name) {
        return new Team(TeamId.of(id), name, Optional.empty());
    }
}
