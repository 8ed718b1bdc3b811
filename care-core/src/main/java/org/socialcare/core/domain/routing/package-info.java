/**
 * Routing: which team and which agent work a conversation.
 * {@link org.socialcare.core.domain.routing.RoutingPolicy} picks the team by channel and business unit, then an
 * agent by round robin, least loaded or skills match, within capacity and presence (an agent's own channel goes
 * to that agent only); what nobody can take waits in the team queue. The desk applies it after ingest, when an
 * agent frees capacity and when an agent goes offline. Pure JDK.
 */
package org.socialcare.core.domain.routing;
