/**
 * Architecture rules every platform adapter must keep, as ArchUnit rules ({@link
 * org.socialcare.testkit.arch.AdapterArchitectureRules}) and as an abstract test an adapter extends in a few lines
 * ({@link org.socialcare.testkit.arch.AdapterArchitectureContract}): no emulator or HTTP server in production
 * code, no other adapter, no core internals, logging through slf4j only.
 */
package org.socialcare.testkit.arch;
