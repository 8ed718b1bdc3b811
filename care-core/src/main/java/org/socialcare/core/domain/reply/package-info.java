/**
 * What the desk says and whether it may say it. {@link org.socialcare.core.domain.reply.ReplyComposer} fills
 * templates (customer, agent, FAQ links, custom values) and signs replies with the agent's initials (^AB);
 * {@link org.socialcare.core.domain.reply.CompliancePolicy} checks every reply before it is queued: no
 * sensitive data in public, no banned phrases ("send us your card number"), required disclosures added,
 * platform text limits ({@link org.socialcare.core.port.out.TextLimits}) respected, and four-eyes approval
 * ({@link org.socialcare.core.port.out.ApprovalGateway}) demanded where a rule or the channel requires it.
 * Pure JDK; every type is immutable and thread-safe.
 */
package org.socialcare.core.domain.reply;
