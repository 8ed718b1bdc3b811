package org.socialcare.core.domain.escalation;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.socialcare.core.domain.Checks;

/**
 * One escalation rule: an id (stable: firings are recorded under it), a condition and the actions to take
 * when it starts to hold. Immutable.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when the id is not lower-case letters, digits and
 * dashes, or no action is given.
 */
public record EscalationRule(String id, EscalationCondition when, List<EscalationAction> then) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public EscalationRule {
        checkId(id);
        Checks.notNull(when, "when");
        then = List.copyOf(Checks.notNull(then, "then"));
        if (then.isEmpty()) {
            throw new IllegalArgumentException("rule '" + id + "' needs at least one action");
        }
    }

    /** @throws IllegalArgumentException echoing the id when it is not a valid rule id */
    public static String checkId(String id) {
        Checks.notNull(id, "rule id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must match " + ID.pattern() + " but was '" + id + "'");
        }
        return id;
    }

    /** The rule as one line of a rules file. */
    public String describe() {
        return "rule " + id + " when " + when.describe() + " then "
                + then.stream().map(EscalationAction::describe).collect(Collectors.joining(", "));
    }

    public boolean requiresApproval() {
        return then.stream().anyMatch(a -> a instanceof EscalationAction.RequireApproval);
    }
}
