package org.socialcare.core.domain.triage;

/**
 * Follower counts from which a customer reaches each {@link InfluenceTier}. Immutable.
 *
 * @param notable followers from which a customer is {@link InfluenceTier#NOTABLE}; default 1,000
 * @param influencer from which {@link InfluenceTier#INFLUENCER}; default 10,000
 * @param highProfile from which {@link InfluenceTier#HIGH_PROFILE}; default 100,000
 *
 * <p>The constructor throws {@link IllegalArgumentException} unless {@code 0 < notable < influencer < highProfile},
 * naming the values.
 */
public record InfluenceThresholds(long notable, long influencer, long highProfile) {
    public static final long DEFAULT_NOTABLE = 1_000;
    public static final long DEFAULT_INFLUENCER = 10_000;
    public static final long DEFAULT_HIGH_PROFILE = 100_000;

    public InfluenceThresholds {
        if (notable <= 0 || notable >= influencer || influencer >= highProfile) {
            throw new IllegalArgumentException(
                    "influence thresholds must satisfy 0 < notable < influencer < highProfile but were notable="
                            + notable + ", influencer=" + influencer + ", highProfile=" + highProfile);
        }
    }

    public static InfluenceThresholds ofDefaults() {
        return new InfluenceThresholds(DEFAULT_NOTABLE, DEFAULT_INFLUENCER, DEFAULT_HIGH_PROFILE);
    }

    /** The tier of a customer with {@code followers} followers. */
    public InfluenceTier tierOf(long followers) {
        if (followers >= highProfile) {
            return InfluenceTier.HIGH_PROFILE;
        }
        if (followers >= influencer) {
            return InfluenceTier.INFLUENCER;
        }
        return followers >= notable ? InfluenceTier.NOTABLE : InfluenceTier.STANDARD;
    }
}
