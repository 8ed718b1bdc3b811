/**
 * Operations policies at work: routing and auto-assignment ({@code RoutingService}), SLA checkpoints
 * ({@code SlaScheduler}), escalation rules and their actions ({@code EscalationReviewer}), the sweep over due
 * timers ({@code SlaSweeper}), the response to a suspected account hijack ({@code HijackResponse}) and teams and
 * agents added and retired at run time ({@code DirectoryChanges}). Not API.
 */
package org.socialcare.core.internal.ops;
