package org.socialcare.twitter;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.reply.EchoText;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.error.PlatformException.Kind;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.PublishedLookup;

/**
 * Publishes outbox entries on Twitter through each bank account's {@link TwitterApi} (twitter4j by default),
 * chosen by the channel's {@code platformAccountId}: {@code PUBLIC_REPLY} posts a reply with
 * {@code in_reply_to_status_id} and auto-populated reply metadata, {@code PRIVATE_MESSAGE} sends a DM,
 * {@code DELETE_OWN_POST} deletes one of the account's tweets. Twitter has no hidden comments or private
 * replies to comments: those kinds fail as INVALID_REQUEST, as does a reply longer than 280 weighted characters.
 *
 * <p>Errors are {@link PlatformException}s: 429 / code 88 RATE_LIMITED with {@code x-rate-limit-reset} as retry
 * time, 187 DUPLICATE (the desk counts it as sent only on a retry of the same entry; on a first attempt it fails the
 * entry asking the agent to rephrase), 89 / 401 AUTH_FAILED, 64 / 326 / 403 PERMISSION; a 5xx, read timeout or
 * dropped connection after the request left UNKNOWN (Twitter may have posted it: the desk asks
 * {@link #findPublished} before sending again), a failure to connect TRANSIENT. Retries and backoff are the desk's job. Thread-safe.
 */
public final class Twitter4jChannelPublisher implements ChannelPublisher {
    private final Map<String, TwitterApi> accounts;
    private final TwitterTextLimits limits = TwitterTextLimits.create();

    private Twitter4jChannelPublisher(Map<String, TwitterApi> accounts) {
        this.accounts = Map.copyOf(accounts);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A publisher for the single account of {@code config}, through twitter4j. */
    public static Twitter4jChannelPublisher forAccount(TwitterAdapterConfig config) {
        return builder().account(config).build();
    }

    @Override
    public Platform platform() {
        return Platform.TWITTER;
    }

    /**
     * Public replies, direct messages and deleting the account's own tweets; not private replies to a tweet nor
     * hiding or unhiding replies, which Twitter's API v1.1 does not offer (the desk refuses those up front).
     */
    @Override
    public boolean supports(ReplyKind kind) {
        return kind == ReplyKind.PUBLIC_REPLY || kind == ReplyKind.PRIVATE_MESSAGE || kind == ReplyKind.DELETE_OWN_POST;
    }

    @Override
    public Optional<String> publish(Channel channel, Reply reply) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reply, "reply");
        TwitterApi api = accounts.get(channel.platformAccountId());
        if (api == null) {
            throw PlatformException.of(
                    Kind.AUTH_FAILED,
                    "no Twitter credentials are configured for account " + channel.platformAccountId() + " of channel "
                            + channel.id(),
                    null);
        }
        return switch (reply.kind()) {
            case PUBLIC_REPLY -> {
                if (!limits.fits(reply.text())) {
                    throw PlatformException.of(
                            Kind.INVALID_REQUEST,
                            "reply " + reply.id() + " is not a valid tweet: weighted length "
                                    + limits.weightedLength(reply.text()) + " of at most "
                                    + TwitterTextLimits.MAX_WEIGHTED_LENGTH,
                            null);
                }
                yield Optional.of(
                        Long.toString(api.reply(id(reply.target(), "target status id", reply), reply.text())));
            }
            case PRIVATE_MESSAGE -> {
                if (!limits.fits(reply.text(), ReplyKind.PRIVATE_MESSAGE)) {
                    throw PlatformException.of(
                            Kind.INVALID_REQUEST,
                            "direct message " + reply.id() + " is longer than "
                                    + TwitterTextLimits.MAX_DIRECT_MESSAGE_LENGTH + " characters",
                            null);
                }
                yield Optional.of(Long.toString(
                        api.sendDirectMessage(id(reply.recipient(), "recipient user id", reply), reply.text())));
            }
            case DELETE_OWN_POST -> {
                api.deleteTweet(id(reply.target(), "target status id", reply));
                yield Optional.empty();
            }
            default ->
                throw PlatformException.of(
                        Kind.INVALID_REQUEST, "Twitter cannot " + reply.kind() + " (reply " + reply.id() + ")", null);
        };
    }

    /** How many pages of the account's own tweets or DMs a lookup reads at most before it cannot tell. */
    static final int LOOKUP_PAGES = 5;
    /** Platform clocks differ: items up to this much older than the entry still count as candidates. */
    static final Duration LOOKUP_SKEW = Duration.ofMinutes(5);

    /**
     * Looks for a reply whose answer was lost among the account's own posts: a public reply among its latest
     * tweets ({@link TwitterApi#ownTweets}) in reply to the target, a direct message among the latest DM events
     * sent by the account to the recipient, the text compared with {@link EchoText} (Twitter prefixes the
     * @mention, rewrites links, escapes entities). Reads newest first until it passes the entry's creation time
     * (less {@link #LOOKUP_SKEW}) or the end: NOT_FOUND; at most {@link #LOOKUP_PAGES} pages, else CANNOT_TELL (as for
     * deletes, a client that cannot list its own tweets, or an account without credentials).
     */
    @Override
    public PublishedLookup findPublished(Channel channel, Reply reply) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reply, "reply");
        TwitterApi api = accounts.get(channel.platformAccountId());
        if (api == null) {
            return PublishedLookup.cannotTell();
        }
        long account = Long.parseLong(channel.platformAccountId());
        Instant horizon = reply.createdAt().minus(LOOKUP_SKEW);
        return switch (reply.kind()) {
            case PUBLIC_REPLY -> findReply(api, account, id(reply.target(), "target status id", reply), reply, horizon);
            case PRIVATE_MESSAGE ->
                findMessage(api, account, id(reply.recipient(), "recipient user id", reply), reply, horizon);
            default -> PublishedLookup.cannotTell();
        };
    }

    private static PublishedLookup findReply(TwitterApi api, long account, long target, Reply reply, Instant horizon) {
        OptionalLong maxId = OptionalLong.empty();
        for (int page = 0; page < LOOKUP_PAGES; page++) {
            Optional<TimelinePage> timeline = api.ownTweets(maxId, LOOKUP_PAGE_SIZE);
            if (timeline.isEmpty()) {
                return PublishedLookup.cannotTell();
            }
            TimelinePage p = timeline.get();
            for (Tweet t : p.tweets()) {
                if (t.author().id() == account
                        && t.inReplyToStatusId().isPresent()
                        && t.inReplyToStatusId().getAsLong() == target
                        && EchoText.sameText(reply.text(), t.text())) {
                    return PublishedLookup.found(Long.toString(t.id()));
                }
            }
            boolean passedHorizon =
                    p.tweets().stream().anyMatch(t -> t.createdAt().isBefore(horizon));
            if (p.returned() == 0 || p.oldestId().isEmpty() || passedHorizon) {
                return PublishedLookup.notFound();
            }
            maxId = OptionalLong.of(p.oldestId().getAsLong() - 1);
        }
        return PublishedLookup.cannotTell();
    }

    private static PublishedLookup findMessage(
            TwitterApi api, long account, long recipient, Reply reply, Instant horizon) {
        Optional<String> cursor = Optional.empty();
        for (int page = 0; page < LOOKUP_PAGES; page++) {
            DmPage p = api.directMessages(cursor, DM_LOOKUP_PAGE_SIZE);
            for (DirectMessageEvent d : p.events()) {
                if (d.sender().id() == account
                        && d.recipientId() == recipient
                        && EchoText.sameText(reply.text(), d.text())) {
                    return PublishedLookup.found(Long.toString(d.id()));
                }
            }
            boolean passedHorizon =
                    p.events().stream().anyMatch(d -> d.createdAt().isBefore(horizon));
            if (p.nextCursor().isEmpty() || passedHorizon) {
                return PublishedLookup.notFound();
            }
            cursor = p.nextCursor();
        }
        return PublishedLookup.cannotTell();
    }

    private static final int LOOKUP_PAGE_SIZE = 200;
    private static final int DM_LOOKUP_PAGE_SIZE = 50;

    private static long id(Optional<String> value, String what, Reply reply) {
        String v = value.orElseThrow(() ->
                PlatformException.of(Kind.INVALID_REQUEST, reply.kind() + " " + reply.id() + " has no " + what, null));
        if (!v.matches("[1-9]\\d{0,18}")) {
            throw PlatformException.of(
                    Kind.INVALID_REQUEST,
                    reply.kind() + " " + reply.id() + ": " + what + " must be numeric but was '" + v + "'",
                    null);
        }
        return Long.parseLong(v);
    }

    @Override
    public String toString() {
        return "Twitter4jChannelPublisher[accounts=" + accounts.keySet() + "]";
    }

    /** Configures a {@link Twitter4jChannelPublisher}: one {@link TwitterApi} per bank account id. Not thread-safe. */
    public static final class Builder {
        private final Map<String, TwitterApi> accounts = new LinkedHashMap<>();

        private Builder() {}

        /** The account of {@code config}, through twitter4j. */
        public Builder account(TwitterAdapterConfig config) {
            return account(config.accountId(), Twitter4jApi.create(config));
        }

        /** The account {@code accountId} (numeric user id, as a channel's platformAccountId), through {@code api}. */
        public Builder account(String accountId, TwitterApi api) {
            if (accountId == null || !accountId.matches("[1-9]\\d{0,18}")) {
                throw new IllegalArgumentException(
                        "accountId must be a numeric Twitter user id but was '" + accountId + "'");
            }
            if (accounts.putIfAbsent(accountId, Objects.requireNonNull(api, "api")) != null) {
                throw new IllegalArgumentException("account " + accountId + " is configured twice");
            }
            return this;
        }

        /** @throws IllegalStateException when no account is configured */
        public Twitter4jChannelPublisher build() {
            if (accounts.isEmpty()) {
                throw new IllegalStateException("at least one account is required");
            }
            return new Twitter4jChannelPublisher(accounts);
        }
    }
}
