/**
 * A local Graph API emulator ({@link org.socialcare.emulators.facebook.GraphApiEmulator}) and signed page webhook
 * bodies ({@link org.socialcare.emulators.facebook.WebhookPayloads}) for tests, the demo and the benchmarks: the
 * real restfb client talks to the emulator over HTTP on 127.0.0.1. Test support, never in a production jar; it
 * does not know the adapter.
 */
package org.socialcare.emulators.facebook;
