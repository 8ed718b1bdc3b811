package org.socialcare.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Something that just happened on a desk, reported to its {@link org.socialcare.core.port.out.DeskListener}s after
 * the change committed: a message came in, a conversation got its first response or was resolved, a reply was
 * published, held or failed, an escalation rule fired, a payload was dead-lettered, a channel was paused, a poll
 * finished. Each carries the time the desk saw it ({@code at}, from the desk's clock) and only bounded, non-personal
 * labels besides ids (channel, team, category, rule id, reason kind), so a listener can use them as metric tags;
 * no customer text or handle. Immutable values.
 */
public sealed interface DeskEvent {
    /** When the desk made the change, by its clock. */
    Instant at();

    /** A new customer message was stored in {@code conversation}; {@code category} is the conversation's triage. */
    record MessageIngested(Instant at, ChannelId channel, Category category, ConversationId conversation)
            implements DeskEvent {
        public MessageIngested {
            Checks.notNull(at, "at");
            Checks.notNull(channel, "channel");
            Checks.notNull(category, "category");
            Checks.notNull(conversation, "conversation");
        }
    }

    /**
     * A conversation got its first agent reply (queued, or approved when it needed approval): {@code time} runs from
     * its opening to that reply. {@code team} is the conversation's team, when it has one.
     */
    record FirstResponse(
            Instant at, ChannelId channel, Optional<TeamId> team, ConversationId conversation, Duration time)
            implements DeskEvent {
        public FirstResponse {
            Checks.notNull(at, "at");
            Checks.notNull(channel, "channel");
            Checks.notNull(team, "team");
            Checks.notNull(conversation, "conversation");
            Checks.notNull(time, "time");
        }
    }

    /** A conversation was resolved: {@code handleTime} runs from its opening to the resolution. */
    record ConversationResolved(
            Instant at, ChannelId channel, Optional<TeamId> team, ConversationId conversation, Duration handleTime)
            implements DeskEvent {
        public ConversationResolved {
            Checks.notNull(at, "at");
            Checks.notNull(channel, "channel");
            Checks.notNull(team, "team");
            Checks.notNull(conversation, "conversation");
            Checks.notNull(handleTime, "handleTime");
        }
    }

    /**
     * An outbox entry is marked sent (published by the dispatcher, or found on the platform): {@code latency} runs
     * from the moment it was queued (or approved) to the moment it was marked sent.
     */
    record ReplyPublished(Instant at, ChannelId channel, ReplyKind kind, ReplyId reply, Duration latency)
            implements DeskEvent {
        public ReplyPublished {
            Checks.notNull(at, "at");
            Checks.notNull(channel, "channel");
            Checks.notNull(kind, "kind");
            Checks.notNull(reply, "reply");
            Checks.notNull(latency, "latency");
        }
    }

    /**
     * An outbox entry was held back (channel paused or unhealthy, rate cap, platform error with a retry) for a
     * reason other than the last one it was held for; the same hold repeated on every dispatch is reported once.
     */
    record ReplyHeld(Instant at, ChannelId channel, ReplyKind kind, ReplyId reply) implements DeskEvent {
        public ReplyHeld {
            Checks.notNull(at, "at");
            Checks.notNull(channel, "channel");
            Checks.notNull(kind, "kind");
            Checks.notNull(reply, "reply");
        }
    }

    /** An outbox entry failed for good (refused by the platform, blocked by a guard, or out of attempts). */
    record ReplyFailed(Instant at, ChannelId channel, ReplyKind kind, ReplyId reply) implements DeskEvent {
        public ReplyFailed {
            Checks.notNull(at, "at");
            Checks.notNull(channel, "channel");
            Checks.notNull(kind, "kind");
            Checks.notNull(reply, "reply");
        }
    }

    /** The escalation rule {@code ruleId} fired on a conversation (a new episode; another desk's firing is not reported). */
    record EscalationFired(Instant at, ChannelId channel, String ruleId, ConversationId conversation)
            implements DeskEvent {
        public EscalationFired {
            Checks.notNull(at, "at");
            Checks.notNull(channel, "channel");
            Checks.notBlank(ruleId, "ruleId");
            Checks.notNull(conversation, "conversation");
        }
    }

    /** Why a payload became a dead letter, as a bounded kind (the full reason is in the dead letter). */
    enum DeadLetterReason {
        /** A source or webhook could not parse or accept the payload. */
        REJECTED_PAYLOAD,
        /** A message or echo named a channel this desk does not have. */
        UNKNOWN_CHANNEL,
        /** The platform's webhook handler failed on the payload unexpectedly. */
        HANDLER_FAILED
    }

    /** A payload was kept as a dead letter; {@code source} is where it came from (a source id or {@code webhook:<platform>}). */
    record DeadLettered(Instant at, String source, DeadLetterReason reason) implements DeskEvent {
        public DeadLettered {
            Checks.notNull(at, "at");
            Checks.notBlank(source, "source");
            Checks.notNull(reason, "reason");
        }
    }

    /** The kill switch paused a channel, by {@code actor} ({@code system} for an automatic pause). */
    record ChannelPaused(Instant at, ChannelId channel, String actor) implements DeskEvent {
        public ChannelPaused {
            Checks.notNull(at, "at");
            Checks.notNull(channel, "channel");
            Checks.notBlank(actor, "actor");
        }
    }

    /**
     * A poll of {@code source} returned and its batch was stored. {@code lag} is how long the oldest customer message
     * it brought had waited since the platform created it (zero when it brought none: the desk is caught up).
     */
    record PollCompleted(Instant at, String source, ChannelId channel, int messages, Duration lag)
            implements DeskEvent {
        public PollCompleted {
            Checks.notNull(at, "at");
            Checks.notBlank(source, "source");
            Checks.notNull(channel, "channel");
            Checks.notNegative(messages, "messages");
            Checks.notNull(lag, "lag");
        }
    }
}
