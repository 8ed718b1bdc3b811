package org.socialcare.twitter;

import java.time.Instant;
import java.util.Optional;
import org.socialcare.core.domain.ChannelId;

/**
 * A user deleted a status (Account Activity {@code tweet_delete_events}, a stream {@code delete} notice).
 * Core has no deletion concept yet; {@link TwitterWebhookHandler} hands these to a listener so the bank can
 * record them (the stored message stays, as evidence). Immutable.
 */
public record TweetDeletion(ChannelId channel, long statusId, long userId, Optional<Instant> deletedAt) {}
