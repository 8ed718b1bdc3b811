package org.socialcare.core.domain;

import java.util.List;

/**
 * What a {@code PayloadReader} found in one payload: customer messages, the bank's own messages, items it
 * skipped on purpose (with why), and notices about payloads that carry no customer message (an API error
 * body with its code and message, a read receipt). Immutable.
 */
public record PayloadReading(
        List<InboundMessage> customerMessages,
        List<OwnMessage> ownMessages,
        List<Skipped> skipped,
        List<String> notices) {
    public PayloadReading {
        customerMessages = List.copyOf(Checks.notNull(customerMessages, "customerMessages"));
        ownMessages = List.copyOf(Checks.notNull(ownMessages, "ownMessages"));
        skipped = List.copyOf(Checks.notNull(skipped, "skipped"));
        notices = List.copyOf(Checks.notNull(notices, "notices"));
    }

    /** An item left out on purpose: what it was (e.g. "status 123") and why (e.g. "retweet"). */
    public record Skipped(String what, String reason) {
        public Skipped {
            Checks.notBlank(what, "what");
            Checks.notBlank(reason, "reason");
        }
    }
}
