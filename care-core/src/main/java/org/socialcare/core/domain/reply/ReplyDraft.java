package org.socialcare.core.domain.reply;

import java.util.Set;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.RiskFlag;

/**
 * A reply an agent wants to send, as {@link CompliancePolicy} reviews it: the channel it goes out on, its
 * kind, its text (signature included) and the risk flags of its conversation. Immutable.
 */
public record ReplyDraft(Channel channel, ReplyKind kind, String text, Set<RiskFlag> conversationFlags) {
    public ReplyDraft {
        Checks.notNull(channel, "channel");
        Checks.notNull(kind, "kind");
        Checks.notNull(text, "text");
        conversationFlags = Set.copyOf(Checks.notNull(conversationFlags, "conversationFlags"));
    }
}
