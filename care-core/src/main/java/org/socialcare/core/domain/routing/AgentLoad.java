package org.socialcare.core.domain.routing;

import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Presence;

/**
 * An agent with the number of active conversations they hold now; what {@link RoutingPolicy} chooses from.
 * Immutable.
 */
public record AgentLoad(Agent agent, int active) {
    public AgentLoad {
        Checks.notNull(agent, "agent");
        Checks.notNegative(active, "active");
    }

    /** ONLINE and below capacity. */
    public boolean canTakeMore() {
        return agent.presence() == Presence.ONLINE && active < agent.capacity();
    }

    /** Share of capacity in use, 0 to 1 (or more when capacity was lowered below the current load). */
    public double utilisation() {
        return (double) active / agent.capacity();
    }

    public AgentLoad plusOne() {
        return new AgentLoad(agent, active + 1);
    }
}
