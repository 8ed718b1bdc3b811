package org.socialcare.core.port.in;

import java.util.List;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Checks;

/**
 * What to answer the platform (status, content type, body) and the batches the callback carried (empty for
 * a verification challenge). Immutable.
 */
public record WebhookResult(int status, String contentType, String body, List<Batch> batches) {
    public WebhookResult {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status but was " + status);
        }
        Checks.notNull(contentType, "contentType");
        Checks.notNull(body, "body");
        batches = List.copyOf(Checks.notNull(batches, "batches"));
    }

    /** 200 with an empty body and these batches. */
    public static WebhookResult accepted(List<Batch> batches) {
        return new WebhookResult(200, "text/plain", "", batches);
    }

    /** A verification answer with no messages. */
    public static WebhookResult challenge(String contentType, String body) {
        return new WebhookResult(200, contentType, body, List.of());
    }
}
