package org.socialcare.facebook;

import org.socialcare.testkit.arch.AdapterArchitectureContract;

/**
 * The testkit's adapter rules over this adapter's production classes: no emulator or HTTP server in the jar, no
 * other adapter or JDBC, no core internals, slf4j only (core's rules live in care-core).
 */
class FacebookArchitectureTest extends AdapterArchitectureContract {
    @Override
    protected String adapterPackage() {
        return "org.socialcare.facebook";
    }
}
