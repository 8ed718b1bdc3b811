package org.socialcare.core.port.out;

import org.socialcare.core.domain.CallbackRequest;

/**
 * The bank's phone callback system: the desk asks it to call a customer back. Called after the request is
 * stored and audited (with the phone number masked). Thread-safe.
 */
@FunctionalInterface
public interface CallbackGateway {
    void requestCallback(CallbackRequest request);
}
