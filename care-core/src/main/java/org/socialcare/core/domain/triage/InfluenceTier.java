package org.socialcare.core.domain.triage;

/**
 * How far a customer's public words reach, from their follower count (thresholds in
 * {@link InfluenceThresholds}). Higher tiers get answered sooner.
 */
public enum InfluenceTier {
    /** Most customers. */
    STANDARD,
    /** A local voice: default from 1,000 followers. */
    NOTABLE,
    /** Default from 10,000 followers. */
    INFLUENCER,
    /** Journalists, celebrities, politicians: default from 100,000 followers. */
    HIGH_PROFILE
}
