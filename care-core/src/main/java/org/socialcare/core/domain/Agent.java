package org.socialcare.core.domain;

/**
 * A trained care agent: team, skills, capacity (most active conversations at once), presence, signature
 * initials used in public replies (^AB) and whether they supervise. Immutable.
 */
public record Agent(
        AgentId id,
        String displayName,
        String initials,
        TeamId team,
        Skills skills,
        int capacity,
        Presence presence,
        boolean supervisor) {

    public Agent {
        Checks.notNull(id, "id");
        Checks.notBlank(displayName, "displayName");
        Checks.notBlank(initials, "initials");
        Checks.notNull(team, "team");
        Checks.notNull(skills, "skills");
        Checks.positive(capacity, "capacity");
        Checks.notNull(presence, "presence");
    }

    /** An ONLINE, non-supervising agent with no particular skills and capacity 5. */
    public static Agent of(String id, String displayName, String initials, TeamId team) {
        return new Agent(AgentId.of(id), displayName, initials, team, Skills.none(), 5, Presence.ONLINE, false);
    }

    public Agent withSkills(Skills newSkills) {
        return new Agent(id, displayName, initials, team, newSkills, capacity, presence, supervisor);
    }

    public Agent withCapacity(int newCapacity) {
        return new Agent(id, displayName, initials, team, skills, newCapacity, presence, supervisor);
    }

    public Agent withPresence(Presence newPresence) {
        return new Agent(id, displayName, initials, team, skills, capacity, newPresence, supervisor);
    }

    public Agent asSupervisor() {
        return new Agent(id, displayName, initials, team, skills, capacity, presence, true);
    }
}
