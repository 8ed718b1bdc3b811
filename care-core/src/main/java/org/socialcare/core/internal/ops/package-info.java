/**
 * Operations policies at work: routing and auto-assignment ({@code RoutingService}), SLA checkpoints
 * ({@code SlaScheduler}), escalation rules and their actions ({@code EscalationReviewer}), the sweep over due
 * timers ({@code SlaSweeper}) and the response to a suspected account hijack ({@code HijackResponse}). Not API.
 */
package org.socialcare.core.internal.ops;
