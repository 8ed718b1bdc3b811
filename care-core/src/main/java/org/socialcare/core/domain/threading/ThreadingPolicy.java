package org.socialcare.core.domain.threading;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Visibility;

/**
 * The threading rule of DESIGN.md: a reply to a message of a conversation joins it (when the same customer
 * wrote it); a private message from a customer with a recent public conversation on the same channel joins that
 * conversation (the public-to-private move); a RESOLVED conversation reopens on a new customer message within
 * the reopen window; otherwise a new conversation starts.
 *
 * <p>Pure: it reads through {@link Lookups} and writes nothing. Immutable and thread-safe.
 */
public final class ThreadingPolicy {
    private final Duration reopenWindow;
    private final Duration privateJoinWindow;

    /**
     * @param reopenWindow how long after resolution a customer message reopens a conversation
     * @param privateJoinWindow how long after the customer was last seen (or last answered) a private message joins
     *     their public conversation
     * @throws IllegalArgumentException naming the window when it is not positive
     */
    public ThreadingPolicy(Duration reopenWindow, Duration privateJoinWindow) {
        this.reopenWindow = Checks.positive(reopenWindow, "reopenWindow");
        this.privateJoinWindow = Checks.positive(privateJoinWindow, "privateJoinWindow");
    }

    /** What the policy needs to know about stored conversations. Implementations never return null. */
    public interface Lookups {
        /** The conversation the message with this key belongs to, if the message is known. */
        Optional<Conversation> conversationOf(MessageKey message);

        /** The customer's most recent conversation on the channel, if any. */
        Optional<Conversation> latestOfCustomer(ChannelId channel, String platformUserId);
    }

    /** Where {@code m} goes. */
    public ThreadDecision decide(InboundMessage m, Lookups lookups) {
        Checks.notNull(m, "message");
        Checks.notNull(lookups, "lookups");
        if (m.inReplyTo().isPresent()) {
            Optional<Conversation> parent = lookups.conversationOf(
                            MessageKey.of(m.platform(), m.inReplyTo().get()))
                    // a conversation is one customer's: someone else replying in the thread starts their own
                    .filter(c -> c.customer().platformUserId().equals(m.author().platformUserId()));
            if (parent.isPresent()) {
                Optional<ThreadDecision> joined = joinOrReopen(
                        parent.get(), m, "reply to " + m.inReplyTo().get());
                if (joined.isPresent()) {
                    return joined.get();
                }
            }
        }
        Optional<Conversation> latest =
                lookups.latestOfCustomer(m.channel(), m.author().platformUserId());
        if (latest.isPresent()) {
            Conversation c = latest.get();
            if (c.state().isActive() && m.visibility() == Visibility.PRIVATE && !c.hasPrivateLeg()) {
                Instant lastSeen = c.lastAgentReplyAt()
                        .filter(a -> a.isAfter(c.lastCustomerMessageAt()))
                        .orElse(c.lastCustomerMessageAt());
                if (!m.createdAt().isAfter(lastSeen.plus(privateJoinWindow))) {
                    return ThreadDecision.into(
                            ThreadDecision.Kind.JOINED, c, "private message joins the customer's public conversation");
                }
            } else {
                Optional<ThreadDecision> joined = joinOrReopen(c, m, "same customer on the same channel");
                if (joined.isPresent()) {
                    return joined.get();
                }
            }
        }
        return ThreadDecision.startNew();
    }

    private Optional<ThreadDecision> joinOrReopen(Conversation c, InboundMessage m, String reason) {
        if (c.state().isActive()) {
            return Optional.of(ThreadDecision.into(ThreadDecision.Kind.JOINED, c, reason));
        }
        if (c.state() == ConversationState.RESOLVED
                && c.resolvedAt()
                        .filter(r -> !m.createdAt().isAfter(r.plus(reopenWindow)))
                        .isPresent()) {
            return Optional.of(ThreadDecision.into(ThreadDecision.Kind.REOPENED, c, reason + ", reopened"));
        }
        return Optional.empty();
    }
}
