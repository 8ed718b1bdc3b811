package org.socialcare.core.internal;

import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.internal.channel.ChannelChanges;
import org.socialcare.core.internal.ingest.DeadLetterService;
import org.socialcare.core.internal.ops.DirectoryChanges;
import org.socialcare.core.internal.publish.OperatorService;
import org.socialcare.core.port.in.IngestResult;
import org.socialcare.core.port.in.Operations;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.PayloadReader;

/**
 * The operator API of one desk: the outbox's side ({@link OperatorService}), the dead letters' side
 * ({@link DeadLetterService}), the directory's ({@link DirectoryChanges}) and the channels' ({@link ChannelChanges}),
 * which live in packages that must not
 * depend on each other. Not API. Thread-safe.
 */
final class DeskOperations implements Operations {
    private final OperatorService outbox;
    private final DeadLetterService deadLetters;
    private final DirectoryChanges directory;
    private final ChannelChanges channels;

    DeskOperations(
            OperatorService outbox,
            DeadLetterService deadLetters,
            DirectoryChanges directory,
            ChannelChanges channels) {
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.directory = directory;
        this.channels = channels;
    }

    @Override
    public List<Reply> failedReplies(Optional<ReplyId> after, int limit) {
        return outbox.failedReplies(after, limit);
    }

    @Override
    public Reply retryFailedReply(ReplyId id, String operator) {
        return outbox.retryFailedReply(id, operator);
    }

    @Override
    public List<DeadLetter> deadLetters(Optional<String> after, int limit) {
        return deadLetters.open(after, limit);
    }

    @Override
    public IngestResult reprocessDeadLetter(String id, PayloadReader reader, String operator) {
        return deadLetters.reprocess(id, reader, operator);
    }

    @Override
    public IngestResult reprocessDeadLetter(String id, String operator) {
        return deadLetters.reprocess(id, operator);
    }

    @Override
    public Team addTeam(Team team, String operator) {
        return directory.addTeam(team, operator);
    }

    @Override
    public Team retireTeam(TeamId id, String operator) {
        return directory.retireTeam(id, operator);
    }

    @Override
    public Agent addAgent(Agent agent, String operator) {
        return directory.addAgent(agent, operator);
    }

    @Override
    public Agent retireAgent(AgentId id, String operator) {
        return directory.retireAgent(id, operator);
    }

    @Override
    public Channel addChannel(Channel channel, Optional<ChannelPublisher> publisher, String operator) {
        return channels.add(channel, publisher, false, operator);
    }

    @Override
    public Channel addReceiveOnlyChannel(Channel channel, String operator) {
        return channels.add(channel, Optional.empty(), true, operator);
    }

    @Override
    public Channel retireChannel(ChannelId id, String operator) {
        return channels.retire(id, operator);
    }
}
