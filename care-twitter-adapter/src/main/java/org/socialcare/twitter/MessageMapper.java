package org.socialcare.twitter;

import java.util.Optional;
import java.util.OptionalLong;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Visibility;

/**
 * The adapter's echo and retweet rules, in one place: a tweet or DM by the bank's account is the bank's own
 * message (never a customer message, so no echo loop); a retweet is skipped unless retweets are included;
 * everything else is a customer message (tweets PUBLIC, DMs PRIVATE).
 */
final class MessageMapper {
    /** Who is reading: the desk channel and the bank's account id (empty when unknown, e.g. replaying a file). */
    record Perspective(ChannelId channel, OptionalLong bankAccountId, boolean includeRetweets) {
        boolean isBank(long userId) {
            return bankAccountId.isPresent() && bankAccountId.getAsLong() == userId;
        }

        Perspective forAccount(ChannelId ch, long accountId) {
            return new Perspective(ch, OptionalLong.of(accountId), includeRetweets);
        }
    }

    /** What one tweet or DM is to the desk. */
    sealed interface Mapped permits Customer, Own, Skip {}

    record Customer(InboundMessage message) implements Mapped {}

    record Own(OwnMessage message) implements Mapped {}

    record Skip(String what, String reason) implements Mapped {}

    private MessageMapper() {}

    static Mapped tweet(Tweet t, Perspective p) {
        MessageKey key = MessageKey.of(Platform.TWITTER, Long.toString(t.id()));
        Optional<String> inReplyTo = t.inReplyToStatusId().isPresent()
                ? Optional.of(Long.toString(t.inReplyToStatusId().getAsLong()))
                : Optional.empty();
        if (p.isBank(t.author().id())) {
            return new Own(new OwnMessage(
                    key, p.channel(), t.text(), Visibility.PUBLIC, inReplyTo, t.createdAt(), t.sourceApp()));
        }
        if (t.isRetweet() && !p.includeRetweets()) {
            return new Skip(
                    "status " + t.id(),
                    "retweet of status " + t.retweetOf().getAsLong() + " (retweets are ignored unless configured)");
        }
        return new Customer(InboundMessage.builder(key, p.channel(), party(t.author()))
                .text(t.text())
                .visibility(Visibility.PUBLIC)
                .inReplyTo(inReplyTo.orElse(null))
                .createdAt(t.createdAt())
                .language(t.language().orElse(null))
                .build());
    }

    static Mapped directMessage(DirectMessageEvent d, Perspective p) {
        MessageKey key = MessageKey.of(Platform.TWITTER, Long.toString(d.id()));
        if (p.isBank(d.sender().id())) {
            return new Own(new OwnMessage(
                    key, p.channel(), d.text(), Visibility.PRIVATE, Optional.empty(), d.createdAt(), d.sourceApp()));
        }
        return new Customer(InboundMessage.builder(key, p.channel(), party(d.sender()))
                .text(d.text())
                .visibility(Visibility.PRIVATE)
                .createdAt(d.createdAt())
                .build());
    }

    static Party party(TwitterUser u) {
        return new Party(
                Long.toString(u.id()),
                u.screenName(),
                u.name().filter(n -> !n.isBlank()),
                u.followersCount(),
                u.verified());
    }
}
