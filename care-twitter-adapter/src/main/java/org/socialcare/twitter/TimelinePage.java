package org.socialcare.twitter;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.socialcare.core.domain.RejectedPayload;

/**
 * One page of a timeline, newest first: the statuses, the ones that could not be converted (raw JSON kept),
 * the oldest and newest status id on the page (counting rejected ones, so paging never stalls on a bad status)
 * and how many statuses the platform returned. Immutable.
 */
public record TimelinePage(
        List<Tweet> tweets,
        List<RejectedPayload> rejected,
        OptionalLong oldestId,
        OptionalLong newestId,
        int returned) {
    public TimelinePage {
        tweets = List.copyOf(tweets);
        rejected = List.copyOf(rejected);
        Objects.requireNonNull(oldestId, "oldestId");
        Objects.requireNonNull(newestId, "newestId");
    }

    /** A page built from converted tweets only. */
    public static TimelinePage of(List<Tweet> tweets) {
        OptionalLong oldest = tweets.stream().mapToLong(Tweet::id).min();
        OptionalLong newest = tweets.stream().mapToLong(Tweet::id).max();
        return new TimelinePage(tweets, List.of(), oldest, newest, tweets.size());
    }
}
