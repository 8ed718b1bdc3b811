package org.socialcare.core.domain.escalation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.text.ClasspathText;

/**
 * The escalation rules of a desk, in order. {@link #decide} tells, for one conversation at one moment, which
 * rules start an episode (their condition holds and they have no open episode) and which episodes end (the
 * condition no longer holds). A rule therefore fires once per condition episode: an SLA breach fires once,
 * and again only after the customer was answered and a new clock breached. The desk applies the actions in
 * rule order, records each firing in its {@code EscalationFiringStore} and audits it with its reason.
 *
 * <p>Rules are data: build them with {@link #builder()} or load a rules file with {@link #parse(Reader)} /
 * {@link #load(Path)} (syntax in {@link EscalationRulesParser}); {@link #describe()} writes the file back.
 * Immutable and thread-safe.
 */
public final class EscalationPolicy {
    private static final EscalationPolicy NONE = new EscalationPolicy(List.of());

    private final List<EscalationRule> rules;

    private EscalationPolicy(List<EscalationRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No rules: nothing escalates automatically. The desk's default. */
    public static EscalationPolicy none() {
        return NONE;
    }

    /**
     * The library's recommended rules for a bank (fraud and security urgent, sensitive data hidden, legal and
     * regulator threats under approval with a formal complaint, influencer complaints to a supervisor, SLA
     * rules), read from the classpath resource {@code recommended.rules} next to this class. Not the desk's
     * default; a starting point to copy and adapt.
     */
    public static EscalationPolicy recommended() {
        return ClasspathText.read(
                EscalationPolicy.class, "recommended.rules", "escalation rules", EscalationPolicy::parse);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @throws EscalationConfigException naming the line and the problem */
    public static EscalationPolicy parse(Reader rulesFile) throws IOException {
        return new EscalationPolicy(EscalationRulesParser.parse(Checks.notNull(rulesFile, "rulesFile")));
    }

    /** @throws EscalationConfigException naming the line and the problem */
    public static EscalationPolicy parse(String rulesText) {
        try {
            return parse(new java.io.StringReader(Checks.notNull(rulesText, "rulesText")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads a UTF-8 rules file. @throws EscalationConfigException naming the file's line and the problem */
    public static EscalationPolicy load(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(Checks.notNull(file, "file"), StandardCharsets.UTF_8)) {
            return parse(r);
        } catch (EscalationConfigException e) {
            throw new EscalationConfigException(file + ": " + e.getMessage(), e.line());
        }
    }

    public List<EscalationRule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public Optional<EscalationRule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** What to do now, given the rules that have an open episode on the conversation. */
    public Decision decide(EscalationContext ctx, Set<String> openRuleIds) {
        Checks.notNull(ctx, "ctx");
        Checks.notNull(openRuleIds, "openRuleIds");
        List<EscalationRule> fire = new ArrayList<>();
        List<String> end = new ArrayList<>();
        for (EscalationRule rule : rules) {
            boolean holds = rule.when().holds(ctx);
            boolean open = openRuleIds.contains(rule.id());
            if (holds && !open) {
                fire.add(rule);
            } else if (!holds && open) {
                end.add(rule.id());
            }
        }
        return new Decision(fire, end);
    }

    /**
     * The earliest instant after now at which a time-based condition (other than the SLA clocks, which the
     * SLA policy schedules) may start to hold: the desk stores it so the sweep comes back then.
     */
    public Optional<Instant> nextTimeBasedCheck(EscalationContext ctx) {
        return rules.stream()
                .map(r -> r.when().changesAt(ctx))
                .flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    /**
     * Whether any rule depends on time passing (SLA at risk or breached, unanswered for a while), so a sweep
     * has something to do; without such rules the desk's sweep reads nothing.
     */
    public boolean hasTimeBasedRules() {
        return rules.stream()
                .anyMatch(r -> mentions(r.when(), EscalationCondition.Sla.class)
                        || mentions(r.when(), EscalationCondition.Unanswered.class));
    }

    /** Whether any rule needs the customer's contact history (so the desk only queries it then). */
    public boolean usesContactHistory() {
        return rules.stream().anyMatch(r -> mentions(r.when(), EscalationCondition.RepeatContact.class));
    }

    private static boolean mentions(EscalationCondition c, Class<?> type) {
        return type.isInstance(c)
                || (c instanceof EscalationCondition.All all
                        && all.conditions().stream().anyMatch(type::isInstance));
    }

    /** The rules in rules-file syntax, one per line; {@link #parse(String)} reads it back to an equal policy. */
    public String describe() {
        return rules.stream()
                .map(EscalationRule::describe)
                .collect(Collectors.joining("\n", "", rules.isEmpty() ? "" : "\n"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EscalationPolicy p && p.rules.equals(rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return "EscalationPolicy" + rules.stream().map(EscalationRule::id).toList();
    }

    /** Rules to fire now (in rule order) and rule ids whose episode ends. Immutable. */
    public record Decision(List<EscalationRule> fire, List<String> end) {
        public Decision {
            fire = List.copyOf(fire);
            end = List.copyOf(end);
        }

        public boolean isEmpty() {
            return fire.isEmpty() && end.isEmpty();
        }
    }

    /**
     * Collects rules in order: {@code rule("fraud-report").when(riskFlag(FRAUD)).then(notifyPeople())}.
     * Rule ids must be unique. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, EscalationRule> rules = new LinkedHashMap<>();

        private Builder() {}

        /** Starts a rule; finish it with {@link RuleBuilder#when} and {@link RuleBuilder.WithCondition#then}. */
        public RuleBuilder rule(String id) {
            return new RuleBuilder(this, id);
        }

        /** @throws IllegalArgumentException when a rule with the same id exists */
        public Builder add(EscalationRule rule) {
            Checks.notNull(rule, "rule");
            if (rules.putIfAbsent(rule.id(), rule) != null) {
                throw new IllegalArgumentException("escalation rule id '" + rule.id() + "' is used twice");
            }
            return this;
        }

        public EscalationPolicy build() {
            return new EscalationPolicy(new ArrayList<>(rules.values()));
        }
    }

    /** The first step of a rule: its condition. */
    public static final class RuleBuilder {
        private final Builder parent;
        private final String id;

        private RuleBuilder(Builder parent, String id) {
            this.parent = parent;
            this.id = EscalationRule.checkId(id);
        }

        public WithCondition when(EscalationCondition condition) {
            return new WithCondition(condition);
        }

        /** The second step: its actions, which complete the rule and return to the policy builder. */
        public final class WithCondition {
            private final EscalationCondition condition;

            private WithCondition(EscalationCondition condition) {
                this.condition = Checks.notNull(condition, "condition");
            }

            public Builder then(EscalationAction... actions) {
                return parent.add(new EscalationRule(id, condition, List.of(actions)));
            }
        }
    }
}
