package org.socialcare.core.internal.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeskEvent;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.RejectedPayload;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.threading.ThreadDecision;
import org.socialcare.core.domain.threading.ThreadingPolicy;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.internal.AfterCommit;
import org.socialcare.core.internal.DeskAudit;
import org.socialcare.core.internal.DeskContext;
import org.socialcare.core.internal.MessageGuard;
import org.socialcare.core.internal.ops.EscalationReviewer;
import org.socialcare.core.internal.ops.RoutingService;
import org.socialcare.core.internal.ops.SlaScheduler;
import org.socialcare.core.port.in.IngestResult;
import org.socialcare.core.port.in.PollResult;
import org.socialcare.core.port.out.ChannelSource;

/**
 * Ingests batches: dead-letters rejected payloads and messages of unknown channels, then for each new customer
 * message threads ({@link ThreadingPolicy}), triages and moderates ({@link MessageGuard}), schedules SLA clocks,
 * stores it with its audit lines and applies the escalation rules; matches the bank's echoes; assigns waiting
 * work; saves the checkpoint last, all in one transaction. Calls to the outside run after commit. Not API.
 * Thread-safe.
 *
 * <p>Set-based per batch: the customers' latest conversations are read (and, in stores that serialize per
 * customer, locked) in one call per channel before anything else, then the batch's message keys are deduped in
 * one call; a customer's prefetched conversation is used until the batch writes to one of that customer's
 * conversations, after which it is read again. SLA paused time is read once per conversation and thread state.
 */
public final class IngestService {
    private static final String SYSTEM = DeskAudit.SYSTEM;
    private static final IngestResult DUPLICATE = new IngestResult(0, 1, 0, 0, 0, 0, List.of());
    private static final IngestResult DEAD_LETTERED = new IngestResult(0, 0, 0, 0, 0, 1, List.of());
    private static final IngestResult ECHO = new IngestResult(0, 0, 0, 0, 1, 0, List.of());

    private final DeskContext ctx;
    private final MessageGuard guard;
    private final ThreadingPolicy threading;
    private final RoutingService routing;
    private final SlaScheduler sla;
    private final EscalationReviewer escalations;
    private final EchoReconciler echoes;
    private final DeadLetters deadLetters;

    public IngestService(
            DeskContext ctx,
            MessageGuard guard,
            RoutingService routing,
            SlaScheduler sla,
            EscalationReviewer escalations,
            EchoReconciler echoes,
            DeadLetters deadLetters) {
        this.ctx = ctx;
        this.guard = guard;
        this.threading = new ThreadingPolicy(
                ctx.settings().reopenWindow(), ctx.settings().privateJoinWindow());
        this.routing = routing;
        this.sla = sla;
        this.escalations = escalations;
        this.echoes = echoes;
        this.deadLetters = deadLetters;
    }

    /** Stores a batch in one transaction; never throws for bad input, storage failures propagate. */
    public IngestResult ingest(Batch batch) {
        Checks.notNull(batch, "batch");
        Set<ChannelId> known = new TreeSet<>(Comparator.comparing(ChannelId::value));
        ctx.channels().all().forEach(ch -> known.add(ch.id()));
        List<InboundMessage> ordered = new ArrayList<>();
        List<InboundMessage> foreign = new ArrayList<>();
        batch.messages().forEach(m -> (known.contains(m.channel()) ? ordered : foreign).add(m));
        ordered.sort(Comparator.comparing(InboundMessage::createdAt));
        AfterCommit after = new AfterCommit();
        IngestResult ingested = ctx.tx().inTransaction(() -> {
            IngestResult result = IngestResult.nothing();
            for (RejectedPayload bad : batch.rejected()) {
                deadLetters.put(
                        bad.source(), bad.rawPayload(), bad.reason(), DeskEvent.DeadLetterReason.REJECTED_PAYLOAD);
                result = result.plus(DEAD_LETTERED);
            }
            for (InboundMessage m : foreign) {
                deadLetters.put(
                        m.key().platform() + ":" + m.channel(),
                        DeadLetters.render(m),
                        DeadLetters.unknownChannel("message " + m.key(), m.channel(), known),
                        DeskEvent.DeadLetterReason.UNKNOWN_CHANNEL);
                result = result.plus(DEAD_LETTERED);
            }
            if (!ordered.isEmpty()) {
                BatchLookups lookups = prefetch(ordered);
                IngestResult stored = sla.inBatch(() -> {
                    List<IngestResult> each = new ArrayList<>(ordered.size());
                    for (InboundMessage m : ordered) {
                        each.add(ingestOne(m, after, lookups));
                    }
                    return sum(each);
                });
                result = result.plus(stored);
            }
            for (OwnMessage own : batch.ownMessages()) {
                if (!known.contains(own.channel())) {
                    deadLetters.put(
                            own.key().platform() + ":" + own.channel(),
                            DeadLetters.render(own),
                            DeadLetters.unknownChannel("own message " + own.key(), own.channel(), known),
                            DeskEvent.DeadLetterReason.UNKNOWN_CHANNEL);
                    result = result.plus(DEAD_LETTERED);
                    continue;
                }
                echoes.match(own, after);
                result = result.plus(ECHO);
            }
            routing.assignWaiting(after.changedQueues());
            batch.nextCheckpoint().ifPresent(ctx.storage().checkpoints()::save);
            return result;
        });
        after.run();
        return ingested;
    }

    /**
     * Polls one source from its stored checkpoint and ingests what it returns; platform errors update health. Reports
     * {@link DeskEvent.PollCompleted} once the batch is stored.
     */
    public PollResult poll(ChannelSource source) {
        Optional<Checkpoint> since = ctx.storage().checkpoints().load(source.sourceId());
        Batch batch;
        try {
            batch = source.poll(since);
        } catch (PlatformException e) {
            ctx.channels().recordPollFailure(source.channel(), e);
            throw e;
        }
        ctx.channels().recordPollSuccess(source.channel());
        PollResult result = new PollResult(ingest(batch), batch.hasMore());
        if (ctx.events().active()) {
            Instant now = ctx.clock().instant();
            Duration lag = batch.messages().stream()
                    .map(InboundMessage::createdAt)
                    .min(Comparator.naturalOrder())
                    .map(oldest -> Duration.between(oldest, now))
                    .filter(d -> !d.isNegative())
                    .orElse(Duration.ZERO);
            ctx.events()
                    .emit(new DeskEvent.PollCompleted(
                            now,
                            source.sourceId(),
                            source.channel(),
                            batch.messages().size(),
                            lag));
        }
        return result;
    }

    /**
     * The batch's customers' latest conversations (one call per channel, in channel order: the store's customer
     * locks are taken here, before any write), then the stored keys among the batch's messages (one call).
     */
    private BatchLookups prefetch(List<InboundMessage> ordered) {
        Map<ChannelId, Set<String>> customers = new TreeMap<>(Comparator.comparing(ChannelId::value));
        List<MessageKey> keys = new ArrayList<>(ordered.size());
        for (InboundMessage m : ordered) {
            customers
                    .computeIfAbsent(m.channel(), ch -> new TreeSet<>())
                    .add(m.author().platformUserId());
            keys.add(m.key());
        }
        Map<CustomerKey, Optional<Conversation>> latest = new HashMap<>();
        customers.forEach((channel, ids) -> {
            Map<String, Conversation> found = ctx.storage().conversations().findLatestOfCustomers(channel, ids);
            for (String id : ids) {
                latest.put(new CustomerKey(channel, id), Optional.ofNullable(found.get(id)));
            }
        });
        Set<MessageKey> stored = new HashSet<>(ctx.storage().messages().existing(keys));
        return new BatchLookups(latest, stored);
    }

    private IngestResult ingestOne(InboundMessage m, AfterCommit after, BatchLookups batch) {
        if (!batch.stored.add(m.key())) {
            return DUPLICATE;
        }
        // Every pure step (threading, triage, moderation, scheduling) runs before the first write, so a failure
        // leaves nothing half-written even where the transaction cannot roll back (in memory).
        ThreadDecision t = threading.decide(m, batch);
        Conversation c;
        if (t.kind() == ThreadDecision.Kind.NEW) {
            c = Conversation.start(ConversationId.of(ctx.ids().newId()), m)
                    .assignTo(routing.teamFor(ctx.channels().get(m.channel())), Optional.empty());
            sla.threadHasNoBankMessage(c.id()); // its thread is empty, then holds only m: nothing paused
        } else {
            c = t.conversation().orElseThrow().customerWrote(m);
        }
        Optional<AgentId> unavailable = Optional.empty();
        if (t.kind() == ThreadDecision.Kind.REOPENED
                && c.assignee()
                        .flatMap(ctx.directory()::agent)
                        .filter(a -> a.presence() == Presence.ONLINE)
                        .isEmpty()) {
            // a resolved conversation keeps its agent; if they are gone now, it waits in the team queue (or is routed)
            unavailable = c.assignee();
            c = c.unassign();
        }
        MessageGuard.Inbound judged = guard.onInbound(
                c, m, ctx.channels().get(m.channel()), ctx.clock().instant());
        c = judged.conversation();
        Instant now = ctx.clock().instant();
        c = sla.schedule(c, now); // SLA checkpoints (SlaPolicy), stored for the sweep
        if (!ctx.storage().messages().insertIfAbsent(StoredMessage.inbound(m, c.id()))) {
            return DUPLICATE; // another node stored it first; nothing written here
        }
        // from here this customer's conversations change: read them again for a later message of the batch
        batch.changed(m.channel(), m.author().platformUserId());
        batch.changed(c.channel(), c.customer().platformUserId());
        if (t.kind() != ThreadDecision.Kind.NEW) {
            sla.threadChanged(c.id());
        }
        c = ctx.storage().conversations().save(c);
        switch (t.kind()) {
            case NEW ->
                ctx.audit()
                        .conversation(
                                now,
                                SYSTEM,
                                AuditAction.CONVERSATION_OPENED,
                                c,
                                "opened by " + m.visibility() + " message " + m.key());
            case REOPENED ->
                ctx.audit()
                        .conversation(
                                now,
                                SYSTEM,
                                AuditAction.CONVERSATION_REOPENED,
                                c,
                                "customer wrote again within the reopen window: " + m.key());
            case JOINED -> {}
        }
        if (unavailable.isPresent()) {
            ctx.audit()
                    .conversation(
                            now,
                            SYSTEM,
                            AuditAction.UNASSIGNED,
                            c,
                            unavailable.get() + " is not online; the reopened conversation waits in the team queue");
        }
        ctx.audit()
                .conversation(
                        now,
                        SYSTEM,
                        AuditAction.MESSAGE_RECEIVED,
                        c,
                        m.visibility() + " message " + m.key() + " (" + t.reason() + ")");
        judged.outbox().forEach(ctx.storage().outbox()::enqueue);
        judged.audit().forEach(ctx.audit()::append);
        // escalation rules, then the next checkpoints
        c = escalations.review(c, now, after, t.kind() == ThreadDecision.Kind.NEW);
        if (c.assignee().isEmpty()) {
            c.team().ifPresent(after::queueChanged);
        }
        ctx.events().emit(new DeskEvent.MessageIngested(now, m.channel(), c.category(), c.id()));
        return new IngestResult(
                1,
                0,
                t.kind() == ThreadDecision.Kind.NEW ? 1 : 0,
                t.kind() == ThreadDecision.Kind.REOPENED ? 1 : 0,
                0,
                0,
                List.of(c.id()));
    }

    /** The results of a batch's messages in one pass ({@link IngestResult#plus} copies the touched list each time). */
    private static IngestResult sum(List<IngestResult> parts) {
        int stored = 0;
        int duplicates = 0;
        int opened = 0;
        int reopened = 0;
        int echoes = 0;
        int deadLettered = 0;
        List<ConversationId> touched = new ArrayList<>(parts.size());
        for (IngestResult r : parts) {
            stored += r.stored();
            duplicates += r.duplicates();
            opened += r.opened();
            reopened += r.reopened();
            echoes += r.echoes();
            deadLettered += r.deadLettered();
            touched.addAll(r.touched());
        }
        return new IngestResult(stored, duplicates, opened, reopened, echoes, deadLettered, touched);
    }

    private record CustomerKey(ChannelId channel, String platformUserId) {}

    /**
     * What one batch read up front: each customer's latest conversation until the batch writes to that customer's
     * conversations, and the message keys stored (before the batch, or by it).
     */
    private final class BatchLookups implements ThreadingPolicy.Lookups {
        private final Map<CustomerKey, Optional<Conversation>> latest;
        private final Set<MessageKey> stored;

        BatchLookups(Map<CustomerKey, Optional<Conversation>> latest, Set<MessageKey> stored) {
            this.latest = latest;
            this.stored = stored;
        }

        void changed(ChannelId channel, String platformUserId) {
            latest.remove(new CustomerKey(channel, platformUserId));
        }

        @Override
        public Optional<Conversation> conversationOf(MessageKey message) {
            return ctx.storage().messages().find(message).flatMap(s -> ctx.storage()
                    .conversations()
                    .find(s.conversation()));
        }

        @Override
        public Optional<Conversation> latestOfCustomer(ChannelId channel, String platformUserId) {
            Optional<Conversation> known = latest.get(new CustomerKey(channel, platformUserId));
            return known != null ? known : ctx.storage().conversations().findLatestOfCustomer(channel, platformUserId);
        }
    }
}
