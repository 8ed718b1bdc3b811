package org.socialcare.core.port.in;

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
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.PayloadReader;

/**
 * What an operator does on a running desk ({@code CareDesk.operations()}): finds the replies the outbox gave up on,
 * desk-wide, page by page, and puts one back after the cause is fixed; lists the open dead letters and has one
 * read again after the adapter or the configuration was fixed; adds and retires teams, agents and channels. Every
 * change is audited under the operator's name.
 * Thread-safe; several desks sharing one storage may run these at once.
 */
public interface Operations {
    /** The largest page {@link #failedReplies} returns. */
    int MAX_PAGE = 500;

    /**
     * Up to {@code limit} FAILED replies of every channel, oldest first, starting after {@code after} (empty: from the
     * first); give the last id of a page as {@code after} to read the next. Texts are as stored (masked at rest).
     *
     * @throws IllegalArgumentException unless {@code limit} is 1 to {@value #MAX_PAGE}
     */
    List<Reply> failedReplies(Optional<ReplyId> after, int limit);

    /**
     * Puts a FAILED reply back in the outbox, due now with a fresh retry budget, and audits it ({@code REPLY_RETRIED})
     * under {@code operator:<operator>}; the next dispatch sends it (or, when the failed attempt's outcome was
     * unknown, looks it up on the platform first). Returns the reply as queued.
     *
     * @throws org.socialcare.core.error.CareException when there is no such reply, it is not FAILED (another
     *     operator retried it first, or it was sent), or its channel was retired (add it again first)
     * @throws IllegalArgumentException when {@code operator} is blank
     */
    Reply retryFailedReply(ReplyId id, String operator);

    /**
     * Up to {@code limit} open dead letters (not reprocessed yet), in the order they were kept, starting after the one
     * with id {@code after} (empty: from the first); give the last id of a page as {@code after} to read the next.
     * Payloads and reasons are as stored: masked and size-capped.
     *
     * @throws IllegalArgumentException unless {@code limit} is 1 to {@value #MAX_PAGE}
     */
    List<DeadLetter> deadLetters(Optional<String> after, int limit);

    /**
     * Reads an open dead letter's payload again with {@code reader} (the adapter's own, after its fix), ingests the
     * messages found as a webhook or poll would (duplicates by message key are skipped, so reprocessing twice stores
     * nothing twice), then marks the dead letter reprocessed and audits it ({@code DEAD_LETTER_REPROCESSED}) under
     * {@code operator:<operator>}. When two operators reprocess one dead letter at once, both ingest (the second
     * stores nothing new) and one marks it. What is read is the stored payload, masked at rest, so card numbers come
     * back masked. A dead letter the desk kept itself for a message naming a channel it did not have is read by the
     * desk, not by {@code reader} (see {@link #reprocessDeadLetter(String, String)}).
     *
     * @return what the ingest did
     * @throws org.socialcare.core.error.CareException leaving the dead letter open and nothing ingested, when it is
     *     unknown or reprocessed already, the reader still cannot read it, the reader finds no message in it, or a
     *     message names a channel this desk does not have
     * @throws IllegalArgumentException when {@code id} or {@code operator} is blank
     */
    IngestResult reprocessDeadLetter(String id, PayloadReader reader, String operator);

    /**
     * Reprocesses an open dead letter the desk kept itself: a message (or the bank's own echo) that named a channel
     * this desk did not have when it arrived. Once the channel is added ({@link #addChannel}), the message is
     * ingested as it arrived (same message id, author, time, reply-to; its text as stored, so masked at rest), the
     * dead letter marked reprocessed and audited ({@code DEAD_LETTER_REPROCESSED}) under
     * {@code operator:<operator>}. Duplicates by message key are skipped, as in {@link #reprocessDeadLetter(String,
     * PayloadReader, String)}, which reads these dead letters the same way.
     *
     * @return what the ingest did
     * @throws org.socialcare.core.error.CareException leaving the dead letter open and nothing ingested, when it is
     *     unknown or reprocessed already, it holds a platform's payload (give the adapter's reader), or its message
     *     still names a channel this desk does not have (the message says to add it)
     * @throws IllegalArgumentException when {@code id} or {@code operator} is blank
     */
    IngestResult reprocessDeadLetter(String id, String operator);

    /**
     * Adds a team to this desk and audits it ({@code TEAM_ADDED} under {@code operator:<operator>}, detail naming the
     * team id). Agents may then be added to it. Conversations reach it only where the desk's configuration sends them
     * (channels, business-unit routing and escalation rules are fixed at build time and cannot name it yet), so until
     * then its work comes from hand moves. Returns the team.
     *
     * <p>Teams and agents live in memory in each desk instance: a change made here reaches this desk (this node) only.
     * On a multi-node deployment tell every node, and change the desk's build configuration too, or a restart brings
     * back what it configures. Changes to teams and agents are serialized on this desk, so a checked precondition
     * still holds when the change is made; the audit line is written in one transaction with the change, and the
     * change is undone when that transaction fails. Thread-safe.
     *
     * @throws org.socialcare.core.error.CareException when a team with that id exists
     * @throws IllegalArgumentException when {@code operator} is blank
     */
    Team addTeam(Team team, String operator);

    /**
     * Retires a team from this desk (this node only, see {@link #addTeam}) and audits it ({@code TEAM_RETIRED} under
     * {@code operator:<operator>}). A team that anything still uses stays: its agents, a channel it owns, a
     * business-unit routing rule or an escalation rule that moves conversations to it, conversations waiting in its
     * queue, and active conversations of the team that agents of other teams hold (a supervisor who claimed one:
     * when they let it go it goes back to this team's queue, so the team stays until they resolve it or move it).
     * Returns the retired team. Thread-safe.
     *
     * @throws org.socialcare.core.error.CareException when the team is unknown, or naming everything that still uses
     *     it
     * @throws IllegalArgumentException when {@code operator} is blank
     */
    Team retireTeam(TeamId id, String operator);

    /**
     * Adds an agent to an existing team of this desk (this node only, see {@link #addTeam}), audits it ({@code
     * AGENT_ADDED} under {@code operator:<operator>}, detail naming the agent and team ids) and, when the agent is
     * ONLINE, assigns them their team's waiting work as the desk does for an agent coming online. From then on the
     * agent is routed new conversations and may claim and reply. Returns the agent. Thread-safe.
     *
     * @throws org.socialcare.core.error.CareException when an agent with that id exists or their team is unknown
     * @throws IllegalArgumentException when {@code operator} is blank
     */
    Agent addAgent(Agent agent, String operator);

    /**
     * Retires an agent from this desk (this node only, see {@link #addTeam}). In one transaction, every active
     * conversation assigned to them goes back to its team's queue (each audited {@code UNASSIGNED}, as when an agent
     * goes OFFLINE) and the retirement is audited ({@code AGENT_RETIRED}), all under {@code operator:<operator>};
     * after the commit those queues are routed as usual, so the conversations reach teammates with room or wait in
     * the queue. The agent leaves the directory before their work is handed over, so routing gives them nothing new;
     * afterwards they can no longer claim, reply, resolve or change presence (those fail as for an unknown agent).
     * An action of theirs already under way may still finish. An agent that routing names as the owner of a channel
     * ({@code RoutingPolicy.Builder.channelAgent}) stays. Returns their last record. Thread-safe.
     *
     * @throws org.socialcare.core.error.CareException when the agent is unknown or routing names them for a channel
     * @throws org.socialcare.core.error.ConcurrentUpdateException when one of their conversations changed at the same
     *     time: the agent stays and the transaction rolls back (the in-memory storage cannot undo the conversations
     *     already put back; they wait in the queue and are routed as usual)
     * @throws IllegalArgumentException when {@code operator} is blank
     */
    Agent retireAgent(AgentId id, String operator);

    /**
     * Adds a channel to this desk (this node only, see {@link #addTeam}) and audits it ({@code CHANNEL_ADDED} under
     * {@code operator:<operator>}, detail naming the channel, platform, handle and team). It publishes with
     * {@code publisher} when given (an account's own credentials; it must publish on the channel's platform), else
     * with the publisher the desk was built with for its platform. From the return on, messages for the channel are
     * ingested (a dead letter kept for it while the desk did not know it can be reprocessed), replies on it are
     * dispatched, and {@code CareDesk.channels()} lists it; a {@code DeskRuntime} polls it once given its source
     * ({@code DeskRuntime.addSource}). A channel paused in the shared channel-state store starts paused. A channel
     * id retired earlier may be added again (on the same platform): its conversations carry on. Its conversations are
     * routed as the desk's routing policy routes any channel of its team and business unit; channel agents
     * ({@code RoutingPolicy.Builder.channelAgent}) are fixed at build time and cannot name it.
     * Thread-safe: serialized with other channel and team changes.
     *
     * @throws org.socialcare.core.error.MissingPublisherException naming the channel when no publisher is given and
     *     the desk has none for its platform (add it with {@link #addReceiveOnlyChannel} if it only reads)
     * @throws org.socialcare.core.error.CareException when an active channel has that id, its team is unknown, the
     *     publisher is for another platform, or a retired channel with that id was on another platform
     * @throws IllegalArgumentException when {@code operator} is blank
     */
    Channel addChannel(Channel channel, Optional<ChannelPublisher> publisher, String operator);

    /**
     * Adds a channel this desk only reads (a listening account, an import): as {@link #addChannel} but it needs no
     * publisher, and replies on it are refused. Audited {@code CHANNEL_ADDED} with "receive-only" in the detail.
     *
     * @throws org.socialcare.core.error.CareException when an active channel has that id or its team is unknown
     * @throws IllegalArgumentException when {@code operator} is blank
     */
    Channel addReceiveOnlyChannel(Channel channel, String operator);

    /**
     * Retires a channel from this desk (this node only, see {@link #addTeam}) and audits it ({@code CHANNEL_RETIRED}
     * under {@code operator:<operator>}) in one transaction with the check below. A channel with replies still to
     * send stays: any QUEUED in the outbox (due, held back by a pause or a platform error, or mid-publish) or waiting
     * for approval; the error names how many and the oldest, so nothing queued is dropped silently. Let them be sent
     * (resume a paused channel), fail (they then show in {@link #failedReplies}) or be rejected, then retire it.
     *
     * <p>From the return on: the channel leaves {@code CareDesk.channels()} and the runtime's health; a
     * {@code DeskRuntime} no longer polls its sources; new messages for it are dead-lettered as for an unknown
     * channel (reprocessable once it is added again); agents can no longer reply on it (the error says it was
     * retired), and a reply that reached the outbox anyway (enqueued at the very moment of the check, or approved
     * later) is marked FAILED at dispatch with the reason "channel ... was retired", visible in
     * {@link #failedReplies}. Its conversations, replies and history stay readable ({@code CareDesk.channel(id)}
     * still returns it), and its conversations can be resolved and closed. A batch ingested while the retirement
     * runs may still store messages for it. Returns the channel as it was. Thread-safe.
     *
     * @throws org.socialcare.core.error.UnknownChannelException when no active channel has that id
     * @throws org.socialcare.core.error.CareException naming the replies still to send
     * @throws IllegalArgumentException when {@code operator} is blank
     */
    Channel retireChannel(ChannelId id, String operator);
}
