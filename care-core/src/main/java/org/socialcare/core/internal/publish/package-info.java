/**
 * From an agent's words to the platform: compliance and approval of replies ({@code ReplyService},
 * {@code ApprovalService}), the outbox dispatcher ({@code OutboxDispatcher}) and the delivery ledger that records
 * each entry's outcome for dispatch and echo matching alike ({@code DeliveryLedger}). Not API.
 */
package org.socialcare.core.internal.publish;
