package org.socialcare.core.domain.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.TeamId;

/**
 * What {@link CareMetrics#report} found for the conversations opened in [from, to), as of {@code generatedAt}:
 * the whole desk, and the same figures per channel, team, agent (current assignee) and business unit (the
 * channel's, else its team's), plus accounts without a reply for too long. Maps are sorted by key. Immutable.
 */
public record MetricsReport(
        Instant from,
        Instant to,
        Instant generatedAt,
        Breakdown overall,
        Map<ChannelId, Breakdown> byChannel,
        Map<TeamId, Breakdown> byTeam,
        Map<AgentId, Breakdown> byAgent,
        Map<String, Breakdown> byBusinessUnit,
        List<InactiveAccount> inactiveAccounts) {

    public MetricsReport {
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        Checks.notNull(generatedAt, "generatedAt");
        Checks.notNull(overall, "overall");
        byChannel = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byChannel));
        byTeam = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byTeam));
        byAgent = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byAgent));
        byBusinessUnit = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byBusinessUnit));
        inactiveAccounts = List.copyOf(inactiveAccounts);
    }
}
