package org.socialcare.examples.demo;

import java.time.Instant;
import java.util.Optional;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Visibility;

/**
 * One message a simulated customer sends: when, on which channel, by whom, public or private, its text and
 * the story behind it (the ground truth the simulated agents read, as a person would). {@code inReplyTo} is a
 * platform message id when the customer answers one. Immutable.
 */
public record SimulatedMessage(
        String id,
        Instant at,
        ChannelId channel,
        Party author,
        Visibility visibility,
        String text,
        Story story,
        Optional<String> inReplyTo) {}
