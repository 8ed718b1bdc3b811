package org.socialcare.core.domain.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.sla.SlaPolicy;
import org.socialcare.core.port.out.ConversationStore;

/**
 * Benchmarks of a care desk from its conversation store: first response time (median, p90), response rate,
 * first-response SLA compliance and backlog, for the desk and per channel, team, agent and business unit, plus
 * accounts (channels) with no reply for a given time, reported inactive.
 *
 * <p>Reads: the conversations opened in the period ({@code openedBetween}), the active ones for the backlog
 * (each team's unassigned queue and each agent's assigned conversations: indexed, bounded by open work), and
 * each channel's last reply ({@code ConversationStore.lastAgentReplyAt}). SLA compliance uses the
 * {@link SlaPolicy} with the conversation's current priority and its channel's calendar. Report time is the
 * injected {@link Clock}'s, so reports are deterministic in tests. Immutable and thread-safe.
 */
public final class CareMetrics {
    private final ConversationStore conversations;
    private final SlaPolicy sla;
    private final List<Channel> channels;
    private final List<Team> teams;
    private final List<Agent> agents;
    private final Clock clock;

    private CareMetrics(
            ConversationStore conversations,
            SlaPolicy sla,
            List<Channel> channels,
            List<Team> teams,
            List<Agent> agents,
            Clock clock) {
        this.conversations = Checks.notNull(conversations, "conversations");
        this.sla = Checks.notNull(sla, "sla");
        this.channels = List.copyOf(Checks.notNull(channels, "channels"));
        this.teams = List.copyOf(Checks.notNull(teams, "teams"));
        this.agents = List.copyOf(Checks.notNull(agents, "agents"));
        this.clock = Checks.notNull(clock, "clock");
    }

    /** Metrics over a desk's store and configuration (typically {@code desk.storage().conversations()}, {@code desk.slaPolicy()}, ...). */
    public static CareMetrics of(
            ConversationStore conversations,
            SlaPolicy sla,
            List<Channel> channels,
            List<Team> teams,
            List<Agent> agents,
            Clock clock) {
        return new CareMetrics(conversations, sla, channels, teams, agents, clock);
    }

    /**
     * The report for conversations opened in [from, to); accounts without an agent reply for
     * {@code inactiveAfter} (up to report time) are listed as inactive.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from} or {@code inactiveAfter} is not positive
     */
    public MetricsReport report(Instant from, Instant to, Duration inactiveAfter) {
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        Checks.positive(inactiveAfter, "inactiveAfter");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(
                    "report period must not end before it starts but was " + from + " .. " + to);
        }
        Instant now = clock.instant();
        List<Conversation> opened = conversations.openedBetween(from, to);
        List<Conversation> active = activeConversations();
        Map<ChannelId, Channel> channelById = new HashMap<>();
        channels.forEach(c -> channelById.put(c.id(), c));
        Map<TeamId, Team> teamById = new HashMap<>();
        teams.forEach(t -> teamById.put(t.id(), t));
        Function<Conversation, Optional<String>> unit = c -> Optional.ofNullable(channelById.get(c.channel()))
                .flatMap(Channel::businessUnit)
                .or(() -> c.team().map(teamById::get).flatMap(Team::businessUnit));

        return new MetricsReport(
                from,
                to,
                now,
                breakdown(opened, active, now),
                group(opened, active, now, c -> Optional.of(c.channel()), Comparator.comparing(ChannelId::value)),
                group(opened, active, now, Conversation::team, Comparator.comparing(TeamId::value)),
                group(opened, active, now, Conversation::assignee, Comparator.comparing(AgentId::value)),
                group(opened, active, now, unit, Comparator.naturalOrder()),
                inactive(now, inactiveAfter));
    }

    /**
     * {@link #report(Instant, Instant, Duration)} reading the period page by page ({@code pageSize} conversations at a
     * time, {@code ConversationStore.openedBetween(from, to, after, limit)}): it holds one page and each group's
     * counts and first-response times, never every conversation of the period. Same report.
     *
     * @throws IllegalArgumentException as {@link #report(Instant, Instant, Duration)}, or unless {@code pageSize}
     *     is positive
     */
    public MetricsReport report(Instant from, Instant to, Duration inactiveAfter, int pageSize) {
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        Checks.positive(inactiveAfter, "inactiveAfter");
        Checks.positive(pageSize, "pageSize");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(
                    "report period must not end before it starts but was " + from + " .. " + to);
        }
        Instant now = clock.instant();
        Function<Conversation, Optional<String>> unit = businessUnit();
        Tally desk = new Tally();
        Map<ChannelId, Tally> byChannel = new TreeMap<>(Comparator.comparing(ChannelId::value));
        Map<TeamId, Tally> byTeam = new TreeMap<>(Comparator.comparing(TeamId::value));
        Map<AgentId, Tally> byAgent = new TreeMap<>(Comparator.comparing(AgentId::value));
        Map<String, Tally> byUnit = new TreeMap<>();
        java.util.function.BiConsumer<Conversation, Boolean> count = (c, opened) -> {
            List<Tally> tallies = new ArrayList<>();
            tallies.add(desk);
            tallies.add(byChannel.computeIfAbsent(c.channel(), k -> new Tally()));
            c.team().ifPresent(t -> tallies.add(byTeam.computeIfAbsent(t, k -> new Tally())));
            c.assignee().ifPresent(a -> tallies.add(byAgent.computeIfAbsent(a, k -> new Tally())));
            unit.apply(c).ifPresent(u -> tallies.add(byUnit.computeIfAbsent(u, k -> new Tally())));
            for (Tally t : tallies) {
                if (opened) {
                    t.opened(c, now);
                } else {
                    t.active++;
                }
            }
        };
        forEachOpened(from, to, pageSize, c -> count.accept(c, true));
        activeConversations().forEach(c -> count.accept(c, false));
        return new MetricsReport(
                from,
                to,
                now,
                desk.breakdown(),
                breakdowns(byChannel),
                breakdowns(byTeam),
                breakdowns(byAgent),
                breakdowns(byUnit),
                inactive(now, inactiveAfter));
    }

    /**
     * Hands every conversation opened in [from, to) to {@code visitor}, oldest first, reading {@code pageSize} at a
     * time: for a bank's own figures over a long period without loading it whole.
     *
     * @throws IllegalArgumentException unless {@code pageSize} is positive
     */
    public void forEachOpened(
            Instant from, Instant to, int pageSize, java.util.function.Consumer<Conversation> visitor) {
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        Checks.positive(pageSize, "pageSize");
        Checks.notNull(visitor, "visitor");
        Optional<Conversation> after = Optional.empty();
        while (true) {
            List<Conversation> page = conversations.openedBetween(from, to, after, pageSize);
            page.forEach(visitor);
            if (page.size() < pageSize) {
                return;
            }
            after = Optional.of(page.get(page.size() - 1));
        }
    }

    private static <K> Map<K, Breakdown> breakdowns(Map<K, Tally> tallies) {
        Map<K, Breakdown> out = new java.util.LinkedHashMap<>();
        tallies.forEach((k, t) -> out.put(k, t.breakdown()));
        return out;
    }

    private Function<Conversation, Optional<String>> businessUnit() {
        Map<ChannelId, Channel> channelById = new HashMap<>();
        channels.forEach(c -> channelById.put(c.id(), c));
        Map<TeamId, Team> teamById = new HashMap<>();
        teams.forEach(t -> teamById.put(t.id(), t));
        return c -> Optional.ofNullable(channelById.get(c.channel()))
                .flatMap(Channel::businessUnit)
                .or(() -> c.team().map(teamById::get).flatMap(Team::businessUnit));
    }

    /** One group's counts, as {@link #breakdown} computes them, gathered one conversation at a time. */
    private final class Tally {
        private final List<Duration> firstResponses = new ArrayList<>();
        private int opened;
        private int met;
        private int missed;
        private int active;

        void opened(Conversation c, Instant now) {
            opened++;
            Instant due = sla.calendarFor(c.channel())
                    .plus(
                            c.openedAt(),
                            sla.targetsFor(c.channel(), c.priority()).firstResponse());
            if (c.firstResponseAt().isPresent()) {
                firstResponses.add(
                        Duration.between(c.openedAt(), c.firstResponseAt().get()));
                if (c.firstResponseAt().get().isAfter(due)) {
                    missed++;
                } else {
                    met++;
                }
            } else if (!due.isAfter(now)) {
                missed++;
            }
        }

        Breakdown breakdown() {
            firstResponses.sort(Comparator.naturalOrder());
            return new Breakdown(
                    opened,
                    firstResponses.size(),
                    percentile(firstResponses, 0.5),
                    percentile(firstResponses, 0.9),
                    met,
                    missed,
                    active);
        }
    }

    /** Channels with no agent reply since {@code now - inactiveAfter}, in configuration order. */
    public List<InactiveAccount> inactiveAccounts(Duration inactiveAfter) {
        return inactive(clock.instant(), Checks.positive(inactiveAfter, "inactiveAfter"));
    }

    private List<InactiveAccount> inactive(Instant now, Duration inactiveAfter) {
        Instant limit = now.minus(inactiveAfter);
        List<InactiveAccount> result = new ArrayList<>();
        for (Channel ch : channels) {
            Optional<Instant> last = conversations.lastAgentReplyAt(ch.id());
            if (last.filter(t -> !t.isBefore(limit)).isEmpty()) {
                result.add(new InactiveAccount(ch.id(), ch.platform(), ch.handle(), last));
            }
        }
        return result;
    }

    private List<Conversation> activeConversations() {
        Map<ConversationId, Conversation> byId = new LinkedHashMap<>();
        for (Team t : teams) {
            conversations.unassignedQueue(t.id(), Integer.MAX_VALUE).forEach(c -> byId.put(c.id(), c));
        }
        for (Agent a : agents) {
            conversations.assignedTo(a.id()).forEach(c -> byId.put(c.id(), c));
        }
        return List.copyOf(byId.values());
    }

    private <K> Map<K, Breakdown> group(
            List<Conversation> opened,
            List<Conversation> active,
            Instant now,
            Function<Conversation, Optional<K>> key,
            Comparator<K> order) {
        Map<K, List<Conversation>> openedBy = new TreeMap<>(order);
        Map<K, List<Conversation>> activeBy = new TreeMap<>(order);
        opened.forEach(c -> key.apply(c).ifPresent(k -> openedBy.computeIfAbsent(k, x -> new ArrayList<>())
                .add(c)));
        active.forEach(c -> key.apply(c).ifPresent(k -> activeBy.computeIfAbsent(k, x -> new ArrayList<>())
                .add(c)));
        Map<K, Breakdown> result = new TreeMap<>(order);
        for (K k : union(openedBy.keySet(), activeBy.keySet(), order)) {
            result.put(k, breakdown(openedBy.getOrDefault(k, List.of()), activeBy.getOrDefault(k, List.of()), now));
        }
        return result;
    }

    private static <K> List<K> union(Set<K> a, Set<K> b, Comparator<K> order) {
        java.util.TreeSet<K> all = new java.util.TreeSet<>(order);
        all.addAll(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private Breakdown breakdown(List<Conversation> opened, List<Conversation> active, Instant now) {
        List<Duration> firstResponses = new ArrayList<>();
        int met = 0;
        int missed = 0;
        for (Conversation c : opened) {
            Instant due = sla.calendarFor(c.channel())
                    .plus(
                            c.openedAt(),
                            sla.targetsFor(c.channel(), c.priority()).firstResponse());
            if (c.firstResponseAt().isPresent()) {
                firstResponses.add(
                        Duration.between(c.openedAt(), c.firstResponseAt().get()));
                if (c.firstResponseAt().get().isAfter(due)) {
                    missed++;
                } else {
                    met++;
                }
            } else if (!due.isAfter(now)) {
                missed++;
            }
        }
        firstResponses.sort(Comparator.naturalOrder());
        return new Breakdown(
                opened.size(),
                firstResponses.size(),
                percentile(firstResponses, 0.5),
                percentile(firstResponses, 0.9),
                met,
                missed,
                active.size());
    }

    /** Nearest-rank percentile of a sorted list. */
    static Optional<Duration> percentile(List<Duration> sorted, double p) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return Optional.of(sorted.get(Math.max(0, rank - 1)));
    }
}
