/**
 * Escalation: {@link org.socialcare.core.domain.escalation.EscalationPolicy}, ordered
 * {@link org.socialcare.core.domain.escalation.EscalationRule}s of an
 * {@link org.socialcare.core.domain.escalation.EscalationCondition} (SLA at risk or breached, influence, risk flag,
 * sensitive data in public, repeat contact, negative streak, unanswered for a while, category) and
 * {@link org.socialcare.core.domain.escalation.EscalationAction}s (raise priority, reassign to a team or a
 * supervisor, notify, suggest a private move with a callback, hide the comment, open a formal complaint,
 * require approval). Rules fire once per condition episode; the desk records each
 * {@link org.socialcare.core.domain.escalation.EscalationFiring} in an
 * {@code EscalationFiringStore} and audits it. Rules are data: a fluent builder or a line-based rules file
 * ({@link org.socialcare.core.domain.escalation.EscalationRulesParser}). Pure JDK; immutable types.
 */
package org.socialcare.core.domain.escalation;
