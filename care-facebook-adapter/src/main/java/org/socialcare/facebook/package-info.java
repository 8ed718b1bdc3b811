/**
 * The Facebook page adapter of care, built on restfb: {@link org.socialcare.facebook.RestFbChannelSource} polls
 * the page feed, comments and Messenger inbox; {@link org.socialcare.facebook.FacebookWebhookHandler} verifies
 * and parses page webhooks; {@link org.socialcare.facebook.RestFbChannelPublisher} replies, privately replies,
 * sends Messenger messages and moderates comments; {@link org.socialcare.facebook.FacebookPayloadReader} reads
 * recorded payloads for replay; {@link org.socialcare.facebook.FacebookAdapter} wires them for a set of pages
 * configured with {@link org.socialcare.facebook.FacebookAdapterConfig}. Helpers without {@code public} are
 * internal.
 */
package org.socialcare.facebook;
