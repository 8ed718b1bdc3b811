/**
 * A local Graph API emulator ({@link org.socialcare.facebook.emulator.GraphApiEmulator}) for tests and the demo:
 * the real restfb client talks to it over HTTP on 127.0.0.1. Not for production use.
 */
package org.socialcare.facebook.emulator;
