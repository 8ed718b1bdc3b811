/**
 * Local platform emulators for tests, the demo and the benchmarks: HTTP servers on 127.0.0.1 that answer
 * the real SDKs (twitter4j, restfb) as the platforms do. Test support only: no production jar depends on it.
 */
package org.socialcare.emulators;
