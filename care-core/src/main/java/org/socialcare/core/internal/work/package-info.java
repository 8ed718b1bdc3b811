/** Agents' work on conversations: queues, claims, resolution, escalation, presence and callbacks ({@code ConversationWorkService}). Not API. */
package org.socialcare.core.internal.work;
