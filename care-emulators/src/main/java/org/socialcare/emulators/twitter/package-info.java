/**
 * A local Twitter API v1.1 emulator ({@link org.socialcare.emulators.twitter.TwitterApiEmulator}) on 127.0.0.1 for
 * tests, the care-examples demo and the benchmarks: it serves the shapes the adapter reads, checks OAuth 1.0a
 * signatures, records what it receives, injects faults and signs Account Activity bodies. Test support: it does
 * not know the adapter; point the adapter's {@code restBaseUrl} at {@code restBaseUrl()} and give it the
 * emulator's credentials.
 */
package org.socialcare.emulators.twitter;
