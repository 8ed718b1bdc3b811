package org.socialcare.twitter;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A status (tweet) as the adapter needs it, independent of the client library that fetched it.
 * {@code text} is the full text ({@code extended_tweet.full_text} or {@code full_text} when the classic
 * {@code text} is truncated) with t.co links replaced by their expanded URLs; {@code sourceApp} is the name of
 * the client app that posted it (the tweet's {@code source}); {@code retweetOf} is the id of the retweeted
 * status for a retweet. Immutable.
 */
public record Tweet(
        long id,
        TwitterUser author,
        String text,
        OptionalLong inReplyToStatusId,
        Instant createdAt,
        Optional<String> language,
        Optional<String> sourceApp,
        OptionalLong retweetOf,
        List<String> mentionedScreenNames) {

    public Tweet {
        if (id <= 0) {
            throw new IllegalArgumentException("status id must be positive but was " + id);
        }
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(inReplyToStatusId, "inReplyToStatusId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(sourceApp, "sourceApp");
        Objects.requireNonNull(retweetOf, "retweetOf");
        mentionedScreenNames = List.copyOf(mentionedScreenNames);
    }

    public boolean isRetweet() {
        return retweetOf.isPresent();
    }
}
