package org.socialcare.core.domain.escalation;

import java.time.Instant;
import java.util.Set;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.RiskFlag;

/**
 * What the desk hands the bank's complaint system when a rule opens a formal complaint: the conversation,
 * channel, customer (platform identity only), category, risk flags, the rule and its reason. Holds no message
 * text, so no sensitive data travels with it. Immutable.
 */
public record ComplaintRequest(
        ConversationId conversation,
        ChannelId channel,
        Party customer,
        Category category,
        Set<RiskFlag> riskFlags,
        String ruleId,
        String reason,
        Instant at) {

    public ComplaintRequest {
        Checks.notNull(conversation, "conversation");
        Checks.notNull(channel, "channel");
        Checks.notNull(customer, "customer");
        Checks.notNull(category, "category");
        riskFlags = Set.copyOf(Checks.notNull(riskFlags, "riskFlags"));
        Checks.notBlank(ruleId, "ruleId");
        Checks.notBlank(reason, "reason");
        Checks.notNull(at, "at");
    }
}
