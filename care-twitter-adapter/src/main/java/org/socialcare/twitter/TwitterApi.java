package org.socialcare.twitter;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The few Twitter calls care needs, for one account: the seam between the adapter's logic (paging,
 * checkpoints, echo rules, webhook verification) and a client library. {@link Twitter4jApi} implements it with
 * twitter4j (API v1.1); an API v2 client can implement it without touching the source, publisher or core.
 *
 * <p>Errors: every method throws {@link org.socialcare.core.error.PlatformException} with the kind the desk
 * acts on (rate limited with its reset time, transient, auth failed, permission, duplicate, invalid request).
 * Implementations are thread-safe.
 */
public interface TwitterApi {
    /**
     * Mentions of the account, newest first: statuses with {@code sinceId < id <= maxId}, at most {@code count};
     * statuses it could not convert come back as rejected payloads with their raw JSON.
     */
    TimelinePage mentions(OptionalLong sinceId, OptionalLong maxId, int count);

    /**
     * The account's own statuses (its timeline, replies included), newest first: ids {@code <= maxId}, at most
     * {@code count}; the publisher looks through them for a reply whose answer was lost. Empty when this client
     * cannot list them (the default): the publisher then cannot tell whether such a reply was published.
     */
    default Optional<TimelinePage> ownTweets(OptionalLong maxId, int count) {
        return Optional.empty();
    }

    /** One page of direct message events (sent and received), newest first; {@code cursor} empty for the newest page. */
    DmPage directMessages(Optional<String> cursor, int count);

    /** Posts a public reply to {@code inReplyToStatusId} (reply metadata auto-populated) and returns the new status id. */
    long reply(long inReplyToStatusId, String text);

    /** Sends a direct message and returns the new event id. */
    long sendDirectMessage(long recipientId, String text);

    /** Deletes one of the account's own statuses. */
    void deleteTweet(long statusId);
}
