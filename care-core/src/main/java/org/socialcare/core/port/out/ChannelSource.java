package org.socialcare.core.port.out;

import java.time.Duration;
import java.util.Optional;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checkpoint;

/**
 * Pulls new messages of one channel from its platform (mentions, DMs, page feed, Messenger).
 *
 * <p>Promises: {@link #poll} returns what came after {@code since} (everything it can see when empty), at most
 * one page, with the checkpoint to store after the batch is stored and {@code hasMore} when a backlog
 * remains; the same message may be returned again (the desk dedupes). Payloads it cannot parse come back in
 * {@link Batch#rejected()}, never dropped. Errors: {@link org.socialcare.core.error.PlatformException} by kind.
 * Not required to be thread-safe: the scheduler never polls one source concurrently.
 */
public interface ChannelSource {
    /** Unique, stable id of this source, the checkpoint key (e.g. "twitter:bankcare:mentions"). */
    String sourceId();

    ChannelId channel();

    Batch poll(Optional<Checkpoint> since);

    /** How often to poll when there is no backlog. */
    default Duration pollInterval() {
        return Duration.ofSeconds(60);
    }
}
