package org.socialcare.core.internal.channel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.error.CareException;
import org.socialcare.core.error.MissingPublisherException;
import org.socialcare.core.internal.ChannelSwitches;
import org.socialcare.core.internal.DeskContext;
import org.socialcare.core.internal.Publishers;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.ChannelStateStore;

/**
 * Channels added and retired on a running desk (the operator API's side): checks the team and the publisher,
 * refuses to retire a channel with replies still to send, and audits each change under the operator in one
 * transaction with it. Changes one desk's in-memory {@code ChannelRegistry} and {@code Publishers} only. Not API.
 * Thread-safe: changes are serialized by the directory (team checks) and the registry.
 */
public final class ChannelChanges {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelChanges.class);

    private final DeskContext ctx;

    public ChannelChanges(DeskContext ctx) {
        this.ctx = ctx;
    }

    /** See {@code Operations.addChannel} and {@code Operations.addReceiveOnlyChannel}. */
    public Channel add(Channel channel, Optional<ChannelPublisher> own, boolean receiveOnly, String operator) {
        Checks.notNull(channel, "channel");
        Checks.notNull(own, "publisher");
        String actor = actor(operator);
        ChannelId id = channel.id();
        own.ifPresent(p -> {
            if (!p.platform().equals(channel.platform())) {
                throw new CareException("channel '" + id + "' is on " + channel.platform()
                        + " but its publisher publishes on " + p.platform());
            }
        });
        if (!receiveOnly && own.isEmpty() && !ctx.publishers().hasPlatformPublisher(channel.platform())) {
            throw new MissingPublisherException(id, channel.platform());
        }
        Optional<String> pausedInStore = ctx.tx()
                .inTransaction(() -> ctx.switches().store().state(id))
                .filter(ChannelStateStore.Recorded::isPaused)
                .map(ChannelSwitches::describe);
        ctx.directory().withTeam(channel.team(), () -> ctx.channels().add(channel, pausedInStore, () -> {
            Publishers.Setting before = ctx.publishers().setting(id);
            ctx.publishers().set(id, own, receiveOnly);
            try {
                ctx.tx().run(() -> ctx.audit()
                        .channel(
                                ctx.clock().instant(),
                                actor,
                                AuditAction.CHANNEL_ADDED,
                                id,
                                "channel " + id + " on " + channel.platform() + " (" + channel.handle()
                                        + ") added for team "
                                        + channel.team()
                                        + (receiveOnly
                                                ? ", receive-only"
                                                : own.isPresent() ? ", with its own publisher" : "")
                                        + pausedInStore
                                                .map(p -> ", paused in the shared store: " + p)
                                                .orElse("")));
            } catch (RuntimeException | Error e) {
                ctx.publishers().restore(id, before);
                throw e;
            }
        }));
        LOG.info("channel {} added by {}", id, actor);
        return ctx.channels().get(id);
    }

    /** See {@code Operations.retireChannel}. */
    public Channel retire(ChannelId id, String operator) {
        Checks.notNull(id, "channel id");
        String actor = actor(operator);
        Channel retired = ctx.channels().retire(id, channel -> ctx.tx().run(() -> {
            List<Reply> queued = ctx.storage().outbox().queued(id);
            long held = ctx.policies().approvals().pending().stream()
                    .filter(a -> a.reply().channel().equals(id))
                    .count();
            if (!queued.isEmpty() || held > 0) {
                throw new CareException("channel '" + id + "' still has replies to send: " + queued.size()
                        + " queued in the outbox"
                        + (queued.isEmpty() ? "" : " (oldest " + queued.get(0).id() + ")")
                        + ", " + held + " waiting for approval; let them be sent (resume the channel if it is paused),"
                        + " fail or be rejected, then retire it");
            }
            Instant now = ctx.clock().instant();
            ctx.audit()
                    .channel(
                            now,
                            actor,
                            AuditAction.CHANNEL_RETIRED,
                            id,
                            "channel " + id + " on " + channel.platform() + " (" + channel.handle() + ") retired");
        }));
        LOG.info("channel {} retired by {}", id, actor);
        return retired;
    }

    private static String actor(String operator) {
        return "operator:" + Checks.notBlank(operator, "operator");
    }
}
