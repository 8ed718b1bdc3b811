package org.socialcare.core.domain;

/**
 * A channel's health. HEALTHY: calls succeed. DEGRADED: rate limited or transient errors, retrying.
 * AUTH_FAILED: the token expired or was revoked; nothing is published until it is fixed. PAUSED: the kill
 * switch is on.
 */
public enum HealthState {
    HEALTHY,
    DEGRADED,
    AUTH_FAILED,
    PAUSED
}
