package org.socialcare.twitter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.socialcare.core.domain.RejectedPayload;

/**
 * One page of direct message events, newest first, the events it could not convert (raw JSON kept), and the
 * cursor of the next (older) page. Immutable.
 */
public record DmPage(List<DirectMessageEvent> events, List<RejectedPayload> rejected, Optional<String> nextCursor) {
    public DmPage {
        events = List.copyOf(events);
        rejected = List.copyOf(rejected);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
