/**
 * The desk's implementation, not API (it may change in any release): one service per use case in the packages
 * {@code ingest}, {@code work}, {@code publish}, {@code ops}, {@code channel} and {@code read}, and what they
 * share here: {@link org.socialcare.core.internal.DeskContext} (one record instead of long constructors),
 * {@link org.socialcare.core.internal.DeskAudit} (every audit entry and actor string),
 * {@link org.socialcare.core.internal.DeskAssembly} (the builder's settings, their validation and the wiring),
 * {@link org.socialcare.core.internal.MessageGuard}, {@link org.socialcare.core.internal.AfterCommit}, the channel
 * registry, kill switches and publishers. The packages depend on each other in one direction and never on
 * {@code CareDesk} (ArchUnit checks both).
 */
package org.socialcare.core.internal;
