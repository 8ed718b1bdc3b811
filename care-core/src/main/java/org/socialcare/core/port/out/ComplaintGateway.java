package org.socialcare.core.port.out;

import org.socialcare.core.domain.escalation.ComplaintRequest;

/**
 * The bank's formal complaint system (regulated complaint handling). An escalation rule with the
 * {@code open-complaint} action opens one through this port after the firing is stored; the reference it
 * returns is audited on the conversation. Implementations should be idempotent per conversation and rule
 * (the desk calls once per episode, but a crash between the call and the audit may repeat it). A thrown
 * exception is logged and audited as a failed complaint opening; it does not undo the escalation.
 * Thread-safe.
 */
@FunctionalInterface
public interface ComplaintGateway {
    /** Opens the complaint; returns the complaint system's reference. */
    String open(ComplaintRequest request);
}
