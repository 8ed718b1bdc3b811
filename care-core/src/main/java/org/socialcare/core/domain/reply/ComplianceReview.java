package org.socialcare.core.domain.reply;

import java.util.List;
import org.socialcare.core.domain.Checks;

/**
 * A reply that passed compliance: the text to publish (with required disclosures added) and, when not empty,
 * the reasons it needs four-eyes approval before it may be queued. Immutable.
 */
public record ComplianceReview(String text, List<String> approvalReasons, List<String> disclosuresAdded) {
    public ComplianceReview {
        Checks.notNull(text, "text");
        approvalReasons = List.copyOf(Checks.notNull(approvalReasons, "approvalReasons"));
        disclosuresAdded = List.copyOf(Checks.notNull(disclosuresAdded, "disclosuresAdded"));
    }

    public boolean needsApproval() {
        return !approvalReasons.isEmpty();
    }
}
