package org.socialcare.core.domain.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.sla.SlaStatus;

/**
 * When an {@link EscalationRule} applies. Each condition is data: an immutable record that says whether it
 * {@link #holds} for a conversation at a moment, when a time-based one will next {@link #changesAt change},
 * and how it is written in a rules file ({@link #describe()}, parsed back by {@link EscalationRulesParser}).
 * Thread-safe.
 */
public sealed interface EscalationCondition {
    boolean holds(EscalationContext ctx);

    /** The next instant after {@code ctx.now()} at which this condition may start to hold by time alone. */
    default Optional<Instant> changesAt(EscalationContext ctx) {
        return Optional.empty();
    }

    /** The condition in rules-file syntax, also used in audit reasons. */
    String describe();

    /** Why it holds for this conversation: {@link #describe()} with the facts behind it, for audit and notices. */
    default String explain(EscalationContext ctx) {
        return describe();
    }

    static EscalationCondition slaAtRisk() {
        return new Sla(SlaStatus.AT_RISK);
    }

    static EscalationCondition slaBreached() {
        return new Sla(SlaStatus.BREACHED);
    }

    static EscalationCondition followersAtLeast(long followers) {
        return new Influence(followers);
    }

    static EscalationCondition riskFlag(RiskFlag flag) {
        return new Risk(flag);
    }

    static EscalationCondition sensitiveDataInPublic() {
        return new Risk(RiskFlag.SENSITIVE_DATA_PUBLIC);
    }

    static EscalationCondition repeatContact(int conversations, Duration within) {
        return new RepeatContact(conversations, within);
    }

    static EscalationCondition negativeStreak(int atLeast) {
        return new NegativeStreak(atLeast);
    }

    static EscalationCondition unansweredFor(Duration duration) {
        return new Unanswered(duration);
    }

    static EscalationCondition category(Category category) {
        return new IsCategory(category);
    }

    static EscalationCondition allOf(EscalationCondition... conditions) {
        return new All(List.of(conditions));
    }

    /** An SLA clock is at least at {@code status}: AT_RISK holds while AT_RISK or BREACHED. */
    record Sla(SlaStatus status) implements EscalationCondition {
        public Sla {
            Checks.notNull(status, "status");
            if (status == SlaStatus.ON_TRACK) {
                throw new IllegalArgumentException("an SLA condition needs AT_RISK or BREACHED but was ON_TRACK");
            }
        }

        @Override
        public boolean holds(EscalationContext ctx) {
            return ctx.sla().statusAt(ctx.now()).compareTo(status) >= 0;
        }

        @Override
        public String describe() {
            return status == SlaStatus.AT_RISK ? "sla at-risk" : "sla breached";
        }

        @Override
        public String explain(EscalationContext ctx) {
            StringBuilder s = new StringBuilder(describe());
            ctx.sla().response().ifPresent(k -> s.append(" (")
                    .append(k.kind())
                    .append(" due ")
                    .append(k.dueAt())
                    .append(')'));
            ctx.sla().resolution().ifPresent(k -> s.append(" (RESOLUTION due ")
                    .append(k.dueAt())
                    .append(')'));
            return s.toString();
        }
    }

    /** The customer has at least this many followers. */
    record Influence(long followers) implements EscalationCondition {
        public Influence {
            Checks.notNegative(followers, "followers");
        }

        @Override
        public boolean holds(EscalationContext ctx) {
            return ctx.conversation().customer().followerCount() >= followers;
        }

        @Override
        public String describe() {
            return "followers >= " + followers;
        }

        @Override
        public String explain(EscalationContext ctx) {
            return describe() + " (customer has "
                    + ctx.conversation().customer().followerCount() + ")";
        }
    }

    /** Triage flagged the conversation with {@code flag} ({@code SENSITIVE_DATA_PUBLIC}: sensitive data seen in public). */
    record Risk(RiskFlag flag) implements EscalationCondition {
        public Risk {
            Checks.notNull(flag, "flag");
        }

        @Override
        public boolean holds(EscalationContext ctx) {
            return ctx.conversation().riskFlags().contains(flag);
        }

        @Override
        public String describe() {
            return flag == RiskFlag.SENSITIVE_DATA_PUBLIC ? "sensitive-data-public" : "risk " + flag;
        }
    }

    /** The customer opened at least {@code conversations} conversations (this one included) within the window. */
    record RepeatContact(int conversations, Duration within) implements EscalationCondition {
        public RepeatContact {
            Checks.positive(conversations, "conversations");
            Checks.positive(within, "within");
        }

        @Override
        public boolean holds(EscalationContext ctx) {
            return ctx.contactsWithin(within) >= conversations;
        }

        @Override
        public String describe() {
            return "repeat-contact " + conversations + " within " + Durations.format(within);
        }

        @Override
        public String explain(EscalationContext ctx) {
            return describe() + " (" + ctx.contactsWithin(within) + " conversations)";
        }
    }

    /** The customer's last {@code atLeast} messages were negative (triage keeps the streak). */
    record NegativeStreak(int atLeast) implements EscalationCondition {
        public NegativeStreak {
            Checks.positive(atLeast, "atLeast");
        }

        @Override
        public boolean holds(EscalationContext ctx) {
            return ctx.conversation().negativeStreak() >= atLeast;
        }

        @Override
        public String describe() {
            return "negative-streak " + atLeast;
        }

        @Override
        public String explain(EscalationContext ctx) {
            return describe() + " (" + ctx.conversation().negativeStreak() + " negative messages in a row)";
        }
    }

    /** The customer has waited for an answer at least this long (wall time since the oldest unanswered message). */
    record Unanswered(Duration duration) implements EscalationCondition {
        public Unanswered {
            Checks.positive(duration, "duration");
        }

        @Override
        public boolean holds(EscalationContext ctx) {
            return ctx.conversation().state().isActive()
                    && ctx.conversation()
                            .awaitingResponseSince()
                            .filter(since -> !since.plus(duration).isAfter(ctx.now()))
                            .isPresent();
        }

        @Override
        public Optional<Instant> changesAt(EscalationContext ctx) {
            if (!ctx.conversation().state().isActive()) {
                return Optional.empty();
            }
            return ctx.conversation()
                    .awaitingResponseSince()
                    .map(since -> since.plus(duration))
                    .filter(ctx.now()::isBefore);
        }

        @Override
        public String describe() {
            return "unanswered " + Durations.format(duration);
        }

        @Override
        public String explain(EscalationContext ctx) {
            return describe()
                    + ctx.conversation()
                            .awaitingResponseSince()
                            .map(since -> " (waiting since " + since + ")")
                            .orElse("");
        }
    }

    /** Triage classified the conversation as {@code category}. */
    record IsCategory(Category category) implements EscalationCondition {
        public IsCategory {
            Checks.notNull(category, "category");
        }

        @Override
        public boolean holds(EscalationContext ctx) {
            return ctx.conversation().category() == category;
        }

        @Override
        public String describe() {
            return "category " + category;
        }
    }

    /** Every one of the conditions holds. */
    record All(List<EscalationCondition> conditions) implements EscalationCondition {
        public All {
            conditions = List.copyOf(Checks.notNull(conditions, "conditions"));
            if (conditions.size() < 2) {
                throw new IllegalArgumentException("allOf needs at least two conditions but got " + conditions.size());
            }
            if (conditions.stream().anyMatch(c -> c instanceof All)) {
                throw new IllegalArgumentException("allOf conditions must not nest");
            }
        }

        @Override
        public boolean holds(EscalationContext ctx) {
            return conditions.stream().allMatch(c -> c.holds(ctx));
        }

        @Override
        public Optional<Instant> changesAt(EscalationContext ctx) {
            return conditions.stream()
                    .map(c -> c.changesAt(ctx))
                    .flatMap(Optional::stream)
                    .min(Instant::compareTo);
        }

        @Override
        public String describe() {
            return conditions.stream().map(EscalationCondition::describe).collect(Collectors.joining(" and "));
        }

        @Override
        public String explain(EscalationContext ctx) {
            return conditions.stream().map(c -> c.explain(ctx)).collect(Collectors.joining(" and "));
        }
    }
}
