package org.socialcare.core.domain.escalation;

import java.util.Optional;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.TeamId;

/**
 * What an {@link EscalationRule} does when it fires. Actions are data; the desk carries them out (it owns
 * the stores, the notifier, the outbox and the complaint gateway). Each knows its rules-file form
 * ({@link #describe()}). Immutable and thread-safe.
 */
public sealed interface EscalationAction {
    /** The action in rules-file syntax; also stored in the firing so other parts can read what was decided. */
    String describe();

    /** Raise to {@code to} (never lowers), or one step when absent. */
    static EscalationAction raisePriority(Priority to) {
        return new RaisePriority(Optional.of(to));
    }

    static EscalationAction raisePriority() {
        return new RaisePriority(Optional.empty());
    }

    static EscalationAction reassignToTeam(TeamId team) {
        return new ReassignToTeam(team);
    }

    static EscalationAction reassignToSupervisor() {
        return new ReassignToSupervisor();
    }

    static EscalationAction notifyPeople() {
        return new Notify();
    }

    static EscalationAction suggestPrivateWithCallback() {
        return new SuggestPrivateWithCallback();
    }

    static EscalationAction hideComment() {
        return new HideComment();
    }

    static EscalationAction openComplaint() {
        return new OpenComplaint();
    }

    static EscalationAction requireApproval() {
        return new RequireApproval();
    }

    /** Raises the conversation's priority. */
    record RaisePriority(Optional<Priority> to) implements EscalationAction {
        public RaisePriority {
            Checks.notNull(to, "to");
        }

        public Conversation applyTo(Conversation c) {
            Priority next = to.map(p -> p.compareTo(c.priority()) > 0 ? p : c.priority())
                    .orElse(c.priority().raised());
            return next == c.priority() ? c : c.withPriority(next);
        }

        @Override
        public String describe() {
            return to.map(p -> "priority " + p).orElse("raise-priority");
        }
    }

    /** Moves the conversation to another team's queue (its agent, if any, lets go). */
    record ReassignToTeam(TeamId team) implements EscalationAction {
        public ReassignToTeam {
            Checks.notNull(team, "team");
        }

        @Override
        public String describe() {
            return "team " + team.value();
        }
    }

    /** Hands the conversation to a supervisor of its team and marks it ESCALATED. */
    record ReassignToSupervisor() implements EscalationAction {
        @Override
        public String describe() {
            return "supervisor";
        }
    }

    /** Tells the bank's people through the {@code EscalationNotifier}. */
    record Notify() implements EscalationAction {
        @Override
        public String describe() {
            return "notify";
        }
    }

    /** Leaves the agent a suggestion (in the conversation's history) to move to private and offer a callback. */
    record SuggestPrivateWithCallback() implements EscalationAction {
        @Override
        public String describe() {
            return "suggest-private";
        }
    }

    /** Hides the customer's public comment, on platforms that allow hiding (Facebook pages). */
    record HideComment() implements EscalationAction {
        @Override
        public String describe() {
            return "hide-comment";
        }
    }

    /** Opens a formal complaint in the bank's complaint system through the {@code ComplaintGateway}. */
    record OpenComplaint() implements EscalationAction {
        @Override
        public String describe() {
            return "open-complaint";
        }
    }

    /**
     * Replies need a second person's approval while the rule's episode lasts. Recorded as part of the firing,
     * so every desk sharing the store sees it ({@code CareDesk.requiresApproval}).
     */
    record RequireApproval() implements EscalationAction {
        /** The form stored in firings. */
        public static final String NAME = "require-approval";

        @Override
        public String describe() {
            return NAME;
        }
    }
}
