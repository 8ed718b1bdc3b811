package org.socialcare.twitter;

import java.util.Objects;
import java.util.Optional;

/**
 * A Twitter account as a payload describes it: numeric id, screen name (without '@'), display name, follower
 * count and the verified badge. Client-neutral (twitter4j today, an API v2 client tomorrow). Immutable.
 */
public record TwitterUser(long id, String screenName, Optional<String> name, long followersCount, boolean verified) {
    public TwitterUser {
        if (id <= 0) {
            throw new IllegalArgumentException("user id must be positive but was " + id);
        }
        Objects.requireNonNull(screenName, "screenName");
        Objects.requireNonNull(name, "name");
        if (followersCount < 0) {
            followersCount = 0; // Twitter sends -1 for unknown counts on some legacy objects
        }
    }

    /** A user known only by id (DM events carry no user objects unless the payload adds a {@code users} map). */
    public static TwitterUser idOnly(long id) {
        return new TwitterUser(id, "", Optional.empty(), 0, false);
    }
}
