package org.socialcare.core.port.in;

import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;

/**
 * What an operator does on a running desk ({@code CareDesk.operations()}): finds the replies the outbox gave up on,
 * desk-wide, page by page, and puts one back after the cause is fixed. Every change is audited under the operator's
 * name. Thread-safe; several desks sharing one storage may run these at once.
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
     * @throws org.socialcare.core.error.CareException when there is no such reply or it is not FAILED (another
     *     operator retried it first, or it was sent)
     * @throws IllegalArgumentException when {@code operator} is blank
     */
    Reply retryFailedReply(ReplyId id, String operator);

    /*
     * Teams and agents at run time. The desk's directory of teams and agents lives in memory in each desk instance
     * (each node): a change made here reaches this desk only, so on a multi-node deployment every node must be
     * told, and the desk's build configuration must be changed too or a restart brings back what it configures.
     * Each change is serialized with the others on this desk, audited under operator:<operator> in one transaction
     * and undone when that transaction fails.
     */

    /**
     * Adds a team to this desk and audits it ({@code TEAM_ADDED}, detail naming the team id). Agents may then be
     * added to it. Conversations reach it only where the desk's configuration sends them (channels, business-unit
     * routing and escalation rules are fixed at build time), so a new team takes work through its agents' claims and
     * routing only once that configuration names it. Returns the team.
     *
     * @throws org.socialcare.core.error.CareException when a team with that id exists
     * @throws IllegalArgumentException when {@code operator} is blank
     */
    Team addTeam(Team team, String operator);

    /**
     * Retires a team from this desk and audits it ({@code TEAM_RETIRED}). A team that anything still needs stays:
     * its agents, a channel it owns, a business-unit routing rule or an escalation rule that moves conversations to
     * it, and conversations waiting in its queue. Returns the retired team.
     *
     * @throws org.socialcare.core.error.CareException when the team is unknown, or naming everything that still uses
     *     it
     * @throws IllegalArgumentException when {@code operator} is blank
     */
    Team retireTeam(TeamId id, String operator);

    /**
     * Adds an agent to an existing team of this desk, audits it ({@code AGENT_ADDED}, detail naming the agent and
     * team ids) and, when the agent is ONLINE, assigns them their team's waiting work as routing does for an agent
     * coming online. From then on the agent is routed new conversations and may claim and reply. Returns the agent.
     *
     * @throws org.socialcare.core.error.CareException when an agent with that id exists or their team is unknown
     * @throws IllegalArgumentException when {@code operator} is blank
     */
    Agent addAgent(Agent agent, String operator);

    /**
     * Retires an agent from this desk. In one transaction, every active conversation assigned to them is put back in
     * its team's queue (each audited {@code UNASSIGNED}, as when an agent goes OFFLINE) and the retirement is audited
     * ({@code AGENT_RETIRED}); after the commit, those queues are routed as usual, so the conversations reach the
     * team's other agents who have room or wait in the queue. The agent is gone from this desk before their work is
     * handed over, so routing gives them nothing new; afterwards they can no longer claim, reply or resolve (those
     * fail as for an unknown agent). An action of theirs already under way when they are retired may still finish.
     * An agent whose own channel routing names ({@code RoutingPolicy.Builder.channelAgent}) stays. Returns their
     * last record.
     *
     * @throws org.socialcare.core.error.CareException when the agent is unknown or a channel is routed to them; when
     *     handing over their work fails (a conversation changed at the same time), nothing is changed and the agent
     *     stays
     * @throws IllegalArgumentException when {@code operator} is blank
     */
    Agent retireAgent(AgentId id, String operator);
}
