package org.socialcare.core.port.out;

import java.util.Optional;
import org.socialcare.core.domain.Checks;

/**
 * What {@link ChannelPublisher#findPublished} learned about an earlier attempt: the platform has the reply (with
 * its id when the platform gives one), it has not, or the publisher cannot tell. Immutable.
 *
 * @param outcome which of the three
 * @param platformMessageId the id of the published copy; present only for {@link Outcome#FOUND}, and even then
 *     only when the platform reports one
 */
public record PublishedLookup(Outcome outcome, Optional<String> platformMessageId) {
    /** The three answers. */
    public enum Outcome {
        FOUND,
        NOT_FOUND,
        CANNOT_TELL
    }

    public PublishedLookup {
        Checks.notNull(outcome, "outcome");
        Checks.notNull(platformMessageId, "platformMessageId");
        if (outcome != Outcome.FOUND && platformMessageId.isPresent()) {
            throw new IllegalArgumentException(
                    "platformMessageId is only for FOUND, not " + outcome + ": " + platformMessageId.get());
        }
    }

    /** The platform has it, with this id. */
    public static PublishedLookup found(String platformMessageId) {
        return new PublishedLookup(Outcome.FOUND, Optional.of(Checks.notNull(platformMessageId, "platformMessageId")));
    }

    /** The platform has it but gives no id (an action such as hiding a comment). */
    public static PublishedLookup foundWithoutId() {
        return new PublishedLookup(Outcome.FOUND, Optional.empty());
    }

    /** The platform does not have it: sending it again publishes it once. */
    public static PublishedLookup notFound() {
        return new PublishedLookup(Outcome.NOT_FOUND, Optional.empty());
    }

    /** The publisher cannot look it up. */
    public static PublishedLookup cannotTell() {
        return new PublishedLookup(Outcome.CANNOT_TELL, Optional.empty());
    }
}
