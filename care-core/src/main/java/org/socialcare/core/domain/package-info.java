/**
 * The domain model of social customer care: channels, parties, messages, the {@link
 * org.socialcare.core.domain.Conversation} aggregate and its state machine, agents and teams, outbound replies
 * with their delivery status, audit entries. Immutable values; no I/O.
 */
package org.socialcare.core.domain;
