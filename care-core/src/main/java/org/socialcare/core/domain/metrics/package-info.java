/**
 * Benchmarks of a care desk: {@link org.socialcare.core.domain.metrics.CareMetrics} computes a
 * {@link org.socialcare.core.domain.metrics.MetricsReport} (first response time median and p90, response rate,
 * SLA compliance, backlog; per channel, team, agent and business unit) and lists
 * {@link org.socialcare.core.domain.metrics.InactiveAccount}s with no reply for too long. Reads the stores
 * through ports; pure JDK.
 */
package org.socialcare.core.domain.metrics;
