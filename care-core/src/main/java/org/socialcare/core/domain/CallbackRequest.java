package org.socialcare.core.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Asks the bank's phone team to call a customer. {@code phoneNumber} is sensitive: pass it only to the
 * gateway; {@link #toString()} masks it. Immutable.
 */
public record CallbackRequest(
        ConversationId conversation,
        Party customer,
        String phoneNumber,
        Optional<Instant> preferredAt,
        AgentId requestedBy,
        Instant requestedAt) {

    public CallbackRequest {
        Checks.notNull(conversation, "conversation");
        Checks.notNull(customer, "customer");
        Checks.notBlank(phoneNumber, "phoneNumber");
        Checks.notNull(preferredAt, "preferredAt");
        Checks.notNull(requestedBy, "requestedBy");
        Checks.notNull(requestedAt, "requestedAt");
    }

    /** The phone number with all but the last three digits masked. */
    public String maskedPhoneNumber() {
        String digits = phoneNumber.replaceAll("\\D", "");
        int keep = Math.min(3, digits.length());
        return "*".repeat(digits.length() - keep) + digits.substring(digits.length() - keep);
    }

    @Override
    public String toString() {
        return "CallbackRequest[conversation=" + conversation + ", customer=" + customer.handle() + ", phone="
                + maskedPhoneNumber() + ", preferredAt=" + preferredAt + ", requestedBy=" + requestedBy + "]";
    }
}
