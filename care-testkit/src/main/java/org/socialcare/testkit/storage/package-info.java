/**
 * Contract tests for storage back ends: one abstract class per storage port
 * ({@link org.socialcare.testkit.storage.ConversationStoreContract},
 * {@link org.socialcare.testkit.storage.MessageStoreContract}, {@link org.socialcare.testkit.storage.OutboxContract},
 * {@link org.socialcare.testkit.storage.AuditLogContract},
 * {@link org.socialcare.testkit.storage.CheckpointStoreContract},
 * {@link org.socialcare.testkit.storage.DeadLetterStoreContract},
 * {@link org.socialcare.testkit.storage.TransactionManagerContract}), all of them at once in
 * {@link org.socialcare.testkit.storage.CareStorageContract}, and
 * {@link org.socialcare.testkit.storage.RollbackContract} for transactional back ends;
 * {@link org.socialcare.testkit.storage.ApprovalGatewayContract} for the four-eyes approval gateway (not part of
 * {@code CareStorage}).
 */
package org.socialcare.testkit.storage;
