/**
 * Contract tests for platform adapters: {@link org.socialcare.testkit.adapter.ChannelSourceContract},
 * {@link org.socialcare.testkit.adapter.ChannelPublisherContract} and
 * {@link org.socialcare.testkit.adapter.WebhookHandlerContract}. An adapter's test extends one, points it at
 * a local HTTP emulator of the platform through the adapter's real SDK client, and passes.
 */
package org.socialcare.testkit.adapter;
