/**
 * Messages coming in: batches, polls and webhooks ({@code IngestService}, {@code WebhookIntake}), the bank's own
 * echoes matched against the outbox ({@code EchoReconciler}) and payloads kept as dead letters
 * ({@code DeadLetters}). Not API.
 */
package org.socialcare.core.internal.ingest;
