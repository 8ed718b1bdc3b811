/**
 * Twitter (X) for care, with twitter4j-core 4.1 (API v1.1): {@link org.socialcare.twitter.Twitter4jChannelSource}
 * polls mentions and direct messages, {@link org.socialcare.twitter.TwitterWebhookHandler} takes Account Activity
 * webhooks, {@link org.socialcare.twitter.Twitter4jChannelPublisher} replies, sends DMs and deletes own tweets,
 * {@link org.socialcare.twitter.TwitterPayloadReader} reads recorded payloads for replay, and
 * {@link org.socialcare.twitter.TwitterTextLimits} measures tweets with twitter-text. Everything is configured by
 * {@link org.socialcare.twitter.TwitterAdapterConfig}.
 *
 * <p>The client library sits behind {@link org.socialcare.twitter.TwitterApi} and the client-neutral records
 * {@link org.socialcare.twitter.Tweet}, {@link org.socialcare.twitter.DirectMessageEvent} and
 * {@link org.socialcare.twitter.TwitterUser}: an API v2 client can replace {@link org.socialcare.twitter.Twitter4jApi}
 * without touching the source, the publisher or core.
 */
package org.socialcare.twitter;
