package org.socialcare.core.domain;

import java.util.Optional;

/**
 * The author of a message as the platform knows them: the platform's user id (stable), handle and
 * display name (may change), follower count (for influence) and whether the platform verified them.
 * Immutable.
 */
public record Party(
        String platformUserId, String handle, Optional<String> displayName, long followerCount, boolean verified) {

    public Party {
        Checks.notBlank(platformUserId, "platformUserId");
        Checks.notNull(handle, "handle");
        Checks.notNull(displayName, "displayName");
        Checks.notNegative(followerCount, "followerCount");
    }

    /** A party with no display name, no followers and not verified. */
    public static Party of(String platformUserId, String handle) {
        return new Party(platformUserId, handle, Optional.empty(), 0, false);
    }

    /**
     * This party as a newer message shows it, keeping what the newer view lacks: a DM or webhook that carries
     * only the user id must not erase the handle, name or follower count a tweet told us.
     */
    public Party updatedWith(Party newer) {
        Checks.notNull(newer, "newer");
        if (!newer.platformUserId.equals(platformUserId)) {
            return newer;
        }
        return new Party(
                platformUserId,
                newer.handle.isBlank() ? handle : newer.handle,
                newer.displayName.or(() -> displayName),
                newer.followerCount > 0 ? newer.followerCount : followerCount,
                newer.verified || verified);
    }

    public Party withFollowers(long followers) {
        return new Party(platformUserId, handle, displayName, followers, verified);
    }

    public Party withDisplayName(String name) {
        return new Party(platformUserId, handle, Optional.of(name), followerCount, verified);
    }

    public Party asVerified() {
        return new Party(platformUserId, handle, displayName, followerCount, true);
    }
}
