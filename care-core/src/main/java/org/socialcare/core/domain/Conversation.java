package org.socialcare.core.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.socialcare.core.error.AlreadyClaimedException;
import org.socialcare.core.error.IllegalTransitionException;
import org.socialcare.core.error.NotAssignedException;

/**
 * The aggregate of customer care: one customer on one channel, a thread of public and private messages,
 * and the bank's work on it. See {@link ConversationState} for the state machine; every transition method
 * checks it and throws {@link IllegalTransitionException} naming the allowed states.
 *
 * <p>Immutable: every change returns a new instance with the same {@link #version()}; the store bumps the
 * version when it saves (optimistic locking). {@code awaitingResponseSince} is the time of the oldest
 * customer message the bank has not answered yet (empty when the bank spoke last); response SLAs count from
 * it. {@code language} is the customer's language as last seen (BCP 47), for skills routing;
 * {@code negativeStreak} counts the customer's consecutive negative messages (triage keeps it).
 */
public record Conversation(
        ConversationId id,
        ChannelId channel,
        Party customer,
        ConversationState state,
        Priority priority,
        Category category,
        Set<RiskFlag> riskFlags,
        Optional<TeamId> team,
        Optional<AgentId> assignee,
        Instant openedAt,
        Instant lastCustomerMessageAt,
        Optional<Instant> awaitingResponseSince,
        Optional<Instant> firstResponseAt,
        Optional<Instant> lastAgentReplyAt,
        Optional<Instant> resolvedAt,
        boolean hasPublicLeg,
        boolean hasPrivateLeg,
        Optional<Instant> responseDueAt,
        Optional<Instant> resolutionDueAt,
        int customerMessageCount,
        Optional<String> language,
        int negativeStreak,
        long version) {

    public Conversation {
        Checks.notNull(id, "id");
        Checks.notNull(channel, "channel");
        Checks.notNull(customer, "customer");
        Checks.notNull(state, "state");
        Checks.notNull(priority, "priority");
        Checks.notNull(category, "category");
        riskFlags = Set.copyOf(Checks.notNull(riskFlags, "riskFlags"));
        Checks.notNull(team, "team");
        Checks.notNull(assignee, "assignee");
        Checks.notNull(openedAt, "openedAt");
        Checks.notNull(lastCustomerMessageAt, "lastCustomerMessageAt");
        Checks.notNull(awaitingResponseSince, "awaitingResponseSince");
        Checks.notNull(firstResponseAt, "firstResponseAt");
        Checks.notNull(lastAgentReplyAt, "lastAgentReplyAt");
        Checks.notNull(resolvedAt, "resolvedAt");
        Checks.notNull(responseDueAt, "responseDueAt");
        Checks.notNull(resolutionDueAt, "resolutionDueAt");
        Checks.notNegative(customerMessageCount, "customerMessageCount");
        Checks.notNull(language, "language");
        Checks.notNegative(negativeStreak, "negativeStreak");
        Checks.notNegative(version, "version");
    }

    /** A NEW conversation started by a customer's first message; version 0 (never stored). */
    public static Conversation start(ConversationId id, InboundMessage first) {
        return new Conversation(
                id,
                first.channel(),
                first.author(),
                ConversationState.NEW,
                Priority.NORMAL,
                Category.OTHER,
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                first.createdAt(),
                first.createdAt(),
                Optional.of(first.createdAt()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                first.visibility() == Visibility.PUBLIC,
                first.visibility() == Visibility.PRIVATE,
                Optional.empty(),
                Optional.empty(),
                1,
                first.language(),
                0,
                0);
    }

    /**
     * The customer wrote again. PENDING_CUSTOMER goes back to OPEN; RESOLVED reopens (the caller decides
     * whether the reopen window allows it); CLOSED cannot take messages.
     */
    public Conversation customerWrote(InboundMessage message) {
        ConversationState target =
                switch (state) {
                    case PENDING_CUSTOMER, RESOLVED -> ConversationState.OPEN;
                    case CLOSED ->
                        throw new IllegalTransitionException(
                                id, state, ConversationState.OPEN, "add a customer message to");
                    default -> state;
                };
        Instant at = message.createdAt();
        return copy().state(target)
                .customer(customer.updatedWith(message.author()))
                .lastCustomerMessageAt(at.isAfter(lastCustomerMessageAt) ? at : lastCustomerMessageAt)
                .awaitingResponseSince(Optional.of(awaitingResponseSince.orElse(at)))
                .resolvedAt(
                        target == ConversationState.OPEN && state == ConversationState.RESOLVED
                                ? Optional.empty()
                                : resolvedAt)
                .publicLeg(hasPublicLeg || message.visibility() == Visibility.PUBLIC)
                .privateLeg(hasPrivateLeg || message.visibility() == Visibility.PRIVATE)
                .customerMessageCount(customerMessageCount + 1)
                .language(message.language().or(() -> language))
                .build();
    }

    /** An agent takes the conversation; NEW becomes OPEN. Re-claiming your own is a no-op. */
    public Conversation claim(AgentId agent) {
        Checks.notNull(agent, "agent");
        if (!state.isActive()) {
            throw new IllegalTransitionException(id, state, ConversationState.OPEN, "claim");
        }
        if (assignee.isPresent() && !assignee.get().equals(agent)) {
            throw new AlreadyClaimedException(id, agent, assignee.get());
        }
        return copy().assignee(Optional.of(agent))
                .state(state == ConversationState.NEW ? ConversationState.OPEN : state)
                .build();
    }

    /** Routing or a supervisor hands the conversation to a team and optionally an agent; no state check. */
    public Conversation assignTo(TeamId toTeam, Optional<AgentId> agent) {
        return copy().team(Optional.of(Checks.notNull(toTeam, "team")))
                .assignee(Checks.notNull(agent, "agent"))
                .build();
    }

    /** Takes the conversation away from its agent (agent went offline); it waits in the team queue. */
    public Conversation unassign() {
        return copy().assignee(Optional.empty()).build();
    }

    /**
     * The assigned agent answered; the bank now waits for the customer (PENDING_CUSTOMER). A NEW conversation
     * that routing assigned without a claim is opened first (NEW -> OPEN -> PENDING_CUSTOMER), so every step
     * is a legal transition; another reply while PENDING_CUSTOMER keeps it there. A reply also leaves ESCALATED: the escalation has been acted on (its rule firings,
     * such as required approval, stay open in the escalation store until their condition ends).
     *
     * @throws NotAssignedException if {@code agent} does not hold the conversation
     * @throws IllegalTransitionException if the conversation is RESOLVED or CLOSED
     */
    public Conversation agentReplied(AgentId agent, Visibility visibility, Instant at) {
        requireAssignee(agent);
        if (!state.isActive()) {
            throw new IllegalTransitionException(id, state, ConversationState.PENDING_CUSTOMER, "reply to");
        }
        Conversation working = state == ConversationState.NEW ? moveTo(ConversationState.OPEN, "reply to") : this;
        return working.copy()
                .state(
                        working.state == ConversationState.PENDING_CUSTOMER
                                ? ConversationState.PENDING_CUSTOMER
                                : working.check(ConversationState.PENDING_CUSTOMER, "reply to"))
                .firstResponseAt(Optional.of(firstResponseAt.orElse(at)))
                .lastAgentReplyAt(Optional.of(at))
                .awaitingResponseSince(Optional.empty())
                .responseDueAt(Optional.empty())
                .publicLeg(hasPublicLeg || visibility == Visibility.PUBLIC)
                .privateLeg(hasPrivateLeg || visibility == Visibility.PRIVATE)
                .build();
    }

    /** Raises the conversation to ESCALATED (from any working state; escalating again is a no-op). */
    public Conversation escalate() {
        return state == ConversationState.ESCALATED ? this : moveTo(ConversationState.ESCALATED, "escalate");
    }

    /** The problem is solved. */
    public Conversation resolve(Instant at) {
        return copy().state(check(ConversationState.RESOLVED, "resolve"))
                .resolvedAt(Optional.of(at))
                .awaitingResponseSince(Optional.empty())
                .responseDueAt(Optional.empty())
                .resolutionDueAt(Optional.empty())
                .build();
    }

    /** Final; only from RESOLVED. */
    public Conversation close() {
        return moveTo(ConversationState.CLOSED, "close");
    }

    /** Triage results: category, risk flags (added to those already found) and priority. */
    public Conversation withTriage(Category newCategory, Set<RiskFlag> flags, Priority newPriority) {
        EnumSet<RiskFlag> all = riskFlags.isEmpty() ? EnumSet.noneOf(RiskFlag.class) : EnumSet.copyOf(riskFlags);
        all.addAll(flags);
        return copy().category(newCategory).riskFlags(all).priority(newPriority).build();
    }

    public Conversation withPriority(Priority newPriority) {
        return copy().priority(Checks.notNull(newPriority, "priority")).build();
    }

    /** The SLA due instants the policy computed; stores index them for sweeps. */
    public Conversation withDue(Optional<Instant> responseDue, Optional<Instant> resolutionDue) {
        return copy().responseDueAt(responseDue).resolutionDueAt(resolutionDue).build();
    }

    /** A copy carrying the version the store assigned. */
    public Conversation withVersion(long newVersion) {
        return copy().version(newVersion).build();
    }

    public boolean isAssignedTo(AgentId agent) {
        return assignee.filter(agent::equals).isPresent();
    }

    private void requireAssignee(AgentId agent) {
        Checks.notNull(agent, "agent");
        if (!isAssignedTo(agent)) {
            throw new NotAssignedException(id, agent, assignee);
        }
    }

    private Conversation moveTo(ConversationState target, String action) {
        return copy().state(check(target, action)).build();
    }

    private ConversationState check(ConversationState target, String action) {
        if (!state.canMoveTo(target)) {
            throw new IllegalTransitionException(id, state, target, action);
        }
        return target;
    }

    /** A builder starting from this conversation; for stores that restore rows and for policies. */
    public Builder copy() {
        return new Builder(this);
    }

    /** Mutable copy of a conversation's fields; not thread-safe. Validation happens in {@link #build()}. */
    public static final class Builder {
        private ConversationId id;
        private ChannelId channel;
        private Party customer;
        private ConversationState state;
        private Priority priority;
        private Category category;
        private Set<RiskFlag> riskFlags;
        private Optional<TeamId> team;
        private Optional<AgentId> assignee;
        private Instant openedAt;
        private Instant lastCustomerMessageAt;
        private Optional<Instant> awaitingResponseSince;
        private Optional<Instant> firstResponseAt;
        private Optional<Instant> lastAgentReplyAt;
        private Optional<Instant> resolvedAt;
        private boolean publicLeg;
        private boolean privateLeg;
        private Optional<Instant> responseDueAt;
        private Optional<Instant> resolutionDueAt;
        private int customerMessageCount;
        private Optional<String> language;
        private int negativeStreak;
        private long version;

        private Builder(Conversation c) {
            id = c.id;
            channel = c.channel;
            customer = c.customer;
            state = c.state;
            priority = c.priority;
            category = c.category;
            riskFlags = c.riskFlags;
            team = c.team;
            assignee = c.assignee;
            openedAt = c.openedAt;
            lastCustomerMessageAt = c.lastCustomerMessageAt;
            awaitingResponseSince = c.awaitingResponseSince;
            firstResponseAt = c.firstResponseAt;
            lastAgentReplyAt = c.lastAgentReplyAt;
            resolvedAt = c.resolvedAt;
            publicLeg = c.hasPublicLeg;
            privateLeg = c.hasPrivateLeg;
            responseDueAt = c.responseDueAt;
            resolutionDueAt = c.resolutionDueAt;
            customerMessageCount = c.customerMessageCount;
            language = c.language;
            negativeStreak = c.negativeStreak;
            version = c.version;
        }

        public Builder id(ConversationId v) {
            id = v;
            return this;
        }

        public Builder channel(ChannelId v) {
            channel = v;
            return this;
        }

        public Builder customer(Party v) {
            customer = v;
            return this;
        }

        public Builder state(ConversationState v) {
            state = v;
            return this;
        }

        public Builder priority(Priority v) {
            priority = v;
            return this;
        }

        public Builder category(Category v) {
            category = v;
            return this;
        }

        public Builder riskFlags(Set<RiskFlag> v) {
            riskFlags = v;
            return this;
        }

        public Builder team(Optional<TeamId> v) {
            team = v;
            return this;
        }

        public Builder assignee(Optional<AgentId> v) {
            assignee = v;
            return this;
        }

        public Builder openedAt(Instant v) {
            openedAt = v;
            return this;
        }

        public Builder lastCustomerMessageAt(Instant v) {
            lastCustomerMessageAt = v;
            return this;
        }

        public Builder awaitingResponseSince(Optional<Instant> v) {
            awaitingResponseSince = v;
            return this;
        }

        public Builder firstResponseAt(Optional<Instant> v) {
            firstResponseAt = v;
            return this;
        }

        public Builder lastAgentReplyAt(Optional<Instant> v) {
            lastAgentReplyAt = v;
            return this;
        }

        public Builder resolvedAt(Optional<Instant> v) {
            resolvedAt = v;
            return this;
        }

        public Builder publicLeg(boolean v) {
            publicLeg = v;
            return this;
        }

        public Builder privateLeg(boolean v) {
            privateLeg = v;
            return this;
        }

        public Builder responseDueAt(Optional<Instant> v) {
            responseDueAt = v;
            return this;
        }

        public Builder resolutionDueAt(Optional<Instant> v) {
            resolutionDueAt = v;
            return this;
        }

        public Builder customerMessageCount(int v) {
            customerMessageCount = v;
            return this;
        }

        public Builder language(Optional<String> v) {
            language = v;
            return this;
        }

        public Builder negativeStreak(int v) {
            negativeStreak = v;
            return this;
        }

        public Builder version(long v) {
            version = v;
            return this;
        }

        public Conversation build() {
            return new Conversation(
                    id,
                    channel,
                    customer,
                    state,
                    priority,
                    category,
                    riskFlags,
                    team,
                    assignee,
                    openedAt,
                    lastCustomerMessageAt,
                    awaitingResponseSince,
                    firstResponseAt,
                    lastAgentReplyAt,
                    resolvedAt,
                    publicLeg,
                    privateLeg,
                    responseDueAt,
                    resolutionDueAt,
                    customerMessageCount,
                    language,
                    negativeStreak,
                    version);
        }
    }
}
