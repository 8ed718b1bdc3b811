package org.socialcare.testkit.adapter;

import java.util.Objects;
import org.socialcare.core.port.in.WebhookRequest;

/**
 * A platform's webhook verification call (Twitter's CRC {@code GET ?crc_token=}, Facebook's
 * {@code hub.challenge}) and what the answer body must contain (the exact response token or the echoed
 * challenge). Immutable.
 */
public record VerificationChallenge(WebhookRequest request, String expectedBody) {
    public VerificationChallenge {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(expectedBody, "expectedBody");
    }
}
