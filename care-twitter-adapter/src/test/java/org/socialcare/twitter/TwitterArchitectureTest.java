package org.socialcare.twitter;

import java.util.Set;
import org.socialcare.testkit.arch.AdapterArchitectureContract;

/**
 * The testkit's adapter rules over this adapter's production classes: no emulator or HTTP server in the jar, no
 * other adapter or JDBC, no core internals, slf4j only (core's rules live in care-core).
 */
class TwitterArchitectureTest extends AdapterArchitectureContract {
    @Override
    protected String adapterPackage() {
        return "org.socialcare.twitter";
    }

    /** twitter4j logs through java.util.logging; Twitter4jApi caps its OAuth logger so no token reaches a log. */
    @Override
    protected Set<String> julConfigurers() {
        return Set.of(Twitter4jApi.class.getName());
    }
}
