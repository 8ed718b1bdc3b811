/**
 * A local Twitter API v1.1 emulator ({@link org.socialcare.twitter.emulator.TwitterApiEmulator}) on 127.0.0.1 for
 * tests and the care-examples demo: it serves the shapes the adapter reads, checks OAuth 1.0a signatures,
 * records what it receives and injects faults. It is not a fake inside the adapter: point
 * {@link org.socialcare.twitter.TwitterAdapterConfig.Builder#restBaseUrl(String)} at it to use it.
 */
package org.socialcare.twitter.emulator;
