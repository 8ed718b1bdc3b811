package org.socialcare.facebook;

import java.util.Set;
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

    /** restfb is made to log through java.util.logging; RestFbLogging turns its HTTP logger off. */
    @Override
    protected Set<String> julConfigurers() {
        return Set.of(RestFbLogging.class.getName());
    }
}
