package org.socialcare.core.port.out;

import org.socialcare.core.domain.PayloadReading;
import org.socialcare.core.domain.Platform;

/**
 * Reads one recorded platform payload (a webhook body or an API response, as text) with an adapter's own
 * parsing and echo rules, without calling the platform: the replay tool and payload debugging use it.
 *
 * <p>Promises: customer messages come back in order; the bank's own messages and retweets are never customer
 * messages (they are {@code ownMessages} or {@code skipped} with the reason); a recognised payload that carries
 * no customer message (an API error body, a delivery receipt) comes back with a {@code notice} saying what it
 * is. Errors: {@link org.socialcare.core.error.MalformedPayloadException} naming the field for malformed or
 * unrecognised content. Thread-safe.
 */
public interface PayloadReader {
    Platform platform();

    PayloadReading read(String content);
}
