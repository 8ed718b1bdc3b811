package org.socialcare.core.internal.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.domain.PayloadReading;
import org.socialcare.core.error.CareException;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.internal.DeskContext;
import org.socialcare.core.port.in.IngestResult;
import org.socialcare.core.port.in.Operations;
import org.socialcare.core.port.out.PayloadReader;

/**
 * The operator's side of dead letters: open ones listed page by page, one reprocessed through an adapter's
 * {@link PayloadReader} after the cause was fixed, audited. Not API. Thread-safe.
 */
public final class DeadLetterService {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterService.class);

    private final DeskContext ctx;
    private final IngestService ingest;

    public DeadLetterService(DeskContext ctx, IngestService ingest) {
        this.ctx = ctx;
        this.ingest = ingest;
    }

    /** @see Operations#deadLetters */
    public List<DeadLetter> open(Optional<String> after, int limit) {
        Checks.notNull(after, "after");
        if (limit < 1 || limit > Operations.MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1 to " + Operations.MAX_PAGE + " but was " + limit);
        }
        return ctx.tx().inTransaction(() -> ctx.storage().deadLetters().open(after, limit));
    }

    /** @see Operations#reprocessDeadLetter(String, PayloadReader, String) */
    public IngestResult reprocess(String id, PayloadReader reader, String operator) {
        Checks.notNull(reader, "reader");
        return reprocess(id, Optional.of(reader), operator);
    }

    /** @see Operations#reprocessDeadLetter(String, String) */
    public IngestResult reprocess(String id, String operator) {
        return reprocess(id, Optional.empty(), operator);
    }

    private IngestResult reprocess(String id, Optional<PayloadReader> readerIfAny, String operator) {
        Checks.notBlank(id, "id");
        String actor = "operator:" + Checks.notBlank(operator, "operator");
        DeadLetter letter = ctx.tx()
                .inTransaction(() -> ctx.storage().deadLetters().findOpen(id))
                .orElseThrow(
                        () -> new CareException("no open dead letter " + id + ": unknown, or reprocessed already"));
        PayloadReading reading = kept(letter).orElse(null);
        if (reading == null) {
            PayloadReader reader = readerIfAny.orElseThrow(() -> new CareException("dead letter " + id + " from "
                    + letter.source() + " holds a platform's payload, not a message the desk kept: reprocess it"
                    + " with the adapter's PayloadReader; it stays open"));
            try {
                reading = reader.read(letter.rawPayload());
            } catch (MalformedPayloadException e) {
                throw new CareException(
                        "dead letter " + id + " from " + letter.source() + " still cannot be read by the "
                                + reader.platform() + " reader (" + e.getMessage() + "); it stays open",
                        e);
            }
            if (reading.customerMessages().isEmpty() && reading.ownMessages().isEmpty()) {
                throw new CareException("the " + reader.platform() + " reader found no message in dead letter " + id
                        + " from " + letter.source() + (reading.notices().isEmpty() ? "" : " " + reading.notices())
                        + "; it stays open");
            }
        }
        requireConfiguredChannels(id, reading);
        IngestResult ingested = ingest.ingest(
                new Batch(reading.customerMessages(), reading.ownMessages(), List.of(), Optional.empty(), false));
        Instant now = ctx.clock().instant();
        boolean marked = ctx.tx().inTransaction(() -> {
            if (!ctx.storage().deadLetters().markReprocessed(id, now)) {
                return false;
            }
            ctx.audit()
                    .desk(
                            now,
                            actor,
                            AuditAction.DEAD_LETTER_REPROCESSED,
                            "dead letter " + id + " from " + letter.source() + " reprocessed: " + ingested.stored()
                                    + " stored, " + ingested.duplicates() + " already there, " + ingested.echoes()
                                    + " own messages");
            return true;
        });
        if (marked) {
            LOG.info("dead letter {} reprocessed by {}: {} messages stored", id, actor, ingested.stored());
        } else {
            LOG.info("dead letter {} was reprocessed by another operator first; its messages were already stored", id);
        }
        return ingested;
    }

    /** The message the desk kept in the dead letter (for a channel it did not have), if it is one. */
    private static Optional<PayloadReading> kept(DeadLetter letter) {
        try {
            return KeptMessages.read(letter.rawPayload());
        } catch (IllegalArgumentException e) {
            throw new CareException(
                    "dead letter " + letter.id() + " from " + letter.source() + " holds a kept message that "
                            + e.getMessage() + "; it stays open",
                    e);
        }
    }

    /** Nothing is ingested while a message names a channel the desk does not have: it would be dead-lettered again. */
    private void requireConfiguredChannels(String id, PayloadReading reading) {
        Set<String> known = new TreeSet<>();
        ctx.channels().all().forEach(ch -> known.add(ch.id().value()));
        Set<String> unknown = new TreeSet<>();
        reading.customerMessages().stream()
                .map(m -> m.channel())
                .map(ChannelId::value)
                .forEach(unknown::add);
        reading.ownMessages().stream()
                .map(m -> m.channel())
                .map(ChannelId::value)
                .forEach(unknown::add);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new CareException("dead letter " + id + " holds messages for channels " + unknown
                    + ", which this desk does not have (configured: " + known + "); it stays open: add the channel"
                    + " (Operations.addChannel), then reprocess it");
        }
    }
}
