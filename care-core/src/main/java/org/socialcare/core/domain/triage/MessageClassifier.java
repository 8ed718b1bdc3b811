package org.socialcare.core.domain.triage;

import org.socialcare.core.domain.InboundMessage;

/**
 * The port behind which triage runs: what a customer message is about (category, sentiment, risk flags,
 * influence, sensitive data found, suggested priority). The rule-based {@link Triage} is the default; a bank's own
 * model plugs in here with {@code MessagePolicies.builder().classifier(...)} and is measured on the same labelled
 * evaluation set (see docs/benchmarks.md, "Triage quality").
 *
 * <p>Promise: a result for every message, never null; the sensitive findings it returns drive the
 * {@code SENSITIVE_DATA_PUBLIC} flag and the masked forms shown to agents, so a custom classifier should take them
 * from a {@code SensitiveDataDetector} (masking before storage is separate and always on: {@code AtRestProtection}).
 * Thread safety: called from every ingesting thread at once; implementations must be thread-safe. Errors: a
 * runtime exception fails the ingest of the batch that holds the message (it is rolled back and polled again).
 */
@FunctionalInterface
public interface MessageClassifier {
    /** Triage of one customer message. */
    TriageResult classify(InboundMessage message);
}
