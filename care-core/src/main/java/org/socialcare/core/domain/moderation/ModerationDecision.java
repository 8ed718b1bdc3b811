package org.socialcare.core.domain.moderation;

import java.util.Optional;
import org.socialcare.core.domain.Checks;

/**
 * What {@link ModerationPolicy} decided for one comment: keep or hide, the reason, an explanation for the
 * audit trail (the configured phrases or data kinds that matched; never the customer's text or data), and
 * whether the desk should move the customer to a private channel (their own data is on show). Immutable.
 */
public record ModerationDecision(
        Action action, Optional<ModerationReason> reason, String explanation, boolean suggestPrivate) {

    /** What to do with the comment. */
    public enum Action {
        KEEP,
        HIDE
    }

    private static final ModerationDecision KEEP =
            new ModerationDecision(Action.KEEP, Optional.empty(), "no moderation rule matched", false);

    public ModerationDecision {
        Checks.notNull(action, "action");
        Checks.notNull(reason, "reason");
        Checks.notBlank(explanation, "explanation");
        if ((action == Action.HIDE) != reason.isPresent()) {
            throw new IllegalArgumentException("a HIDE decision needs a reason and a KEEP decision has none, but was "
                    + action + " with " + reason);
        }
    }

    public static ModerationDecision keep() {
        return KEEP;
    }

    public static ModerationDecision hide(ModerationReason reason, String explanation, boolean suggestPrivate) {
        return new ModerationDecision(
                Action.HIDE, Optional.of(Checks.notNull(reason, "reason")), explanation, suggestPrivate);
    }

    public boolean hides() {
        return action == Action.HIDE;
    }
}
