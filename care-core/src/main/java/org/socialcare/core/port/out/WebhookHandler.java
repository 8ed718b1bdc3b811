package org.socialcare.core.port.out;

import org.socialcare.core.domain.Platform;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;

/**
 * Turns a platform's callback into an HTTP answer and the messages it carries: answers verification
 * challenges (Twitter CRC, Facebook {@code hub.challenge}), checks the signature over the raw body in
 * constant time, and parses events.
 *
 * <p>Errors: {@link org.socialcare.core.error.WebhookRejectedException} for a failed verification;
 * {@link org.socialcare.core.error.MalformedPayloadException} naming the field for a body it cannot parse.
 * The desk audits the first and dead-letters the second. Thread-safe.
 */
public interface WebhookHandler {
    Platform platform();

    WebhookResult handle(WebhookRequest request);
}
