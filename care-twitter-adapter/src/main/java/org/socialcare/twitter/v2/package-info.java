/**
 * X API v2 and the X Activity API (XAA) beside the twitter4j v1.1 path: {@link org.socialcare.twitter.v2.XApiV2Client}
 * speaks {@code /2/users/{id}/mentions}, {@code /2/dm_events}, {@code /2/tweets} and
 * {@code /2/dm_conversations/with/{id}/messages} over the JDK {@code HttpClient} with Jackson, with OAuth 2.0
 * user context (refreshing expiring tokens) or OAuth 1.0a per account; {@link org.socialcare.twitter.v2.XChannelSource}
 * and {@link org.socialcare.twitter.v2.XChannelPublisher} put it behind the core ports with the same checkpoints,
 * paging and error kinds as the v1.1 adapter; {@link org.socialcare.twitter.v2.XActivityParser} reads XAA webhook
 * bodies for {@link org.socialcare.twitter.TwitterWebhookHandler}.
 */
package org.socialcare.twitter.v2;
