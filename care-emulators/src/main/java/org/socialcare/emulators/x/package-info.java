/**
 * A local X API v2 and X Activity API emulator ({@link org.socialcare.emulators.x.XApiEmulator}) for tests: the
 * v2 endpoints the care adapter calls, OAuth 2.0 user-context tokens with refresh and OAuth 1.0a signature
 * checks, injected faults, and signed X Activity API webhook bodies. Payloads are written from X's API
 * documentation. Test support only; listens on 127.0.0.1 and talks to nothing else.
 */
package org.socialcare.emulators.x;
