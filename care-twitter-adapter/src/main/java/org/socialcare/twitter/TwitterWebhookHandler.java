package org.socialcare.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.adapter.support.HmacSha256;
import org.socialcare.adapter.support.LogText;
import org.socialcare.adapter.support.SignatureHeader;
import org.socialcare.adapter.support.SignedWebhookHandler;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.twitter.v2.XActivityParser;

/**
 * Twitter's Account Activity API webhook: answers the CRC challenge and turns signed event bodies into batches.
 *
 * <ul>
 *   <li>{@code GET ?crc_token=T} answers {@code {"response_token":"sha256=<base64 HMAC-SHA256(T, consumer secret)>"}}.
 *   <li>{@code POST} must carry {@code x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256(body, consumer secret)>},
 *       compared in constant time; a missing, malformed, other-algorithm or wrong signature is rejected (401)
 *       before the body is read. Other methods are rejected with 405 ({@link SignedWebhookHandler}).
 *   <li>{@code for_user_id} says which bank account the events are for (configured with {@link Builder#account});
 *       {@code tweet_create_events} and {@code direct_message_events} become messages, the account's own ones
 *       own messages; {@code tweet_delete_events} go to the deletion listener; likes, follows and other events
 *       are ignored. An event that cannot be read comes back as a rejected payload in the batch (dead letter);
 *       a body that is not an Account Activity body throws {@link MalformedPayloadException}.
 *   <li>X Activity API bodies ({@code {"data": {"event_type": ...}}}, signed and challenged the same way) are read by
 *       {@link XActivityParser} under the same rules, so one endpoint serves both during the AAA to XAA switch.
 * </ul>
 * Thread-safe; the consumer secret never appears in logs or messages.
 */
public final class TwitterWebhookHandler extends SignedWebhookHandler {
    /** The header Twitter signs the body in. */
    public static final String SIGNATURE_HEADER = "x-twitter-webhooks-signature";

    private static final Logger LOG = LoggerFactory.getLogger(TwitterWebhookHandler.class);
    private static final SignatureHeader SIGNATURE = SignatureHeader.base64(SIGNATURE_HEADER);

    private final HmacSha256 consumerSecret;
    private final Map<Long, ChannelId> accounts;
    private final boolean includeRetweets;
    private final Consumer<TweetDeletion> deletions;

    private TwitterWebhookHandler(Builder b) {
        super("Account Activity");
        this.consumerSecret = HmacSha256.key("consumerSecret", b.consumerSecret);
        this.accounts = Map.copyOf(b.accounts);
        this.includeRetweets = b.includeRetweets;
        this.deletions = b.deletions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A handler for the single account of {@code config}, signing with its consumer secret. */
    public static TwitterWebhookHandler forAccount(TwitterAdapterConfig config) {
        return builder()
                .consumerSecret(config.consumerSecret())
                .account(config.accountId(), config.channel())
                .includeRetweets(config.includeRetweets())
                .build();
    }

    @Override
    public Platform platform() {
        return Platform.TWITTER;
    }

    /** The CRC answer for {@code crcToken}: {@code sha256=} and the base64 HMAC-SHA256 of it with the consumer secret. */
    public String responseToken(String crcToken) {
        return SIGNATURE.sign(consumerSecret, crcToken.getBytes(StandardCharsets.UTF_8));
    }

    /** The signature header value Twitter would send for {@code body} (for emulators and tests). */
    public String signatureFor(byte[] body) {
        return SIGNATURE.sign(consumerSecret, body);
    }

    /** GET {@code ?crc_token=T}: the CRC challenge. */
    @Override
    protected WebhookResult answerChallenge(WebhookRequest request) {
        String token = request.queryParam("crc_token")
                .filter(t -> !t.isEmpty())
                .orElseThrow(() -> new WebhookRejectedException("GET without crc_token is not a CRC challenge", 400));
        ObjectNode answer = TwitterJson.emptyObject().put("response_token", responseToken(token));
        return WebhookResult.challenge("application/json", TwitterJson.write(answer));
    }

    /** The {@value #SIGNATURE_HEADER} header over the raw body, in constant time. */
    @Override
    protected void verify(WebhookRequest request) {
        SIGNATURE.verify(request, consumerSecret);
    }

    @Override
    protected WebhookResult parse(WebhookRequest request) {
        Optional<XActivityParser.Event> xActivity = XActivityParser.parse(request.bodyAsString());
        if (xActivity.isPresent()) {
            return xActivity(xActivity.get()); // X Activity API (AAA's successor), told apart by its envelope
        }
        JsonNode doc;
        try {
            doc = TwitterJson.parse(request.bodyAsString());
        } catch (TwitterJson.NotJson e) {
            throw new MalformedPayloadException("$", "body is not JSON: " + e.getMessage(), e);
        }
        if (!(doc instanceof ObjectNode body)) {
            throw new MalformedPayloadException(
                    "$", "expected an Account Activity object but found " + PayloadParser.kind(doc));
        }
        if (!PayloadParser.isAccountActivity(body)) {
            throw new MalformedPayloadException(
                    "$.for_user_id", "missing: not an Account Activity body (keys " + PayloadParser.keys(body) + ")");
        }
        PayloadParser.Extraction x = new PayloadParser.Extraction();
        PayloadParser.accountActivity(body, "$", id -> Optional.ofNullable(accounts.get(id)), includeRetweets, x);
        for (TweetDeletion d : x.deletions) {
            deletions.accept(d);
        }
        x.notices.forEach(n -> LOG.debug("twitter webhook: {}", LogText.of(String.valueOf(n))));
        Batch batch = new Batch(x.customers, x.own, x.rejected("webhook:twitter"), Optional.empty(), false);
        return WebhookResult.accepted(batch.isEmpty() ? List.of() : List.of(batch));
    }

    /**
     * An X Activity API event (read by {@link XActivityParser}) under the Account Activity rules: the subscribed
     * {@code filter.user_id} picks the channel, the bank's own posts and DMs are own messages, retweets are
     * skipped unless configured, deletions go to the listener, unreadable items are rejected payloads.
     */
    private WebhookResult xActivity(XActivityParser.Event event) {
        ChannelId channel = Optional.ofNullable(accounts.get(event.forUserId()))
                .orElseThrow(() -> new MalformedPayloadException(
                        "$.data.filter.user_id", "no channel is configured for account " + event.forUserId()));
        MessageMapper.Perspective p =
                new MessageMapper.Perspective(channel, OptionalLong.of(event.forUserId()), includeRetweets);
        PayloadParser.Extraction x = new PayloadParser.Extraction();
        for (XActivityParser.Item item : event.items()) {
            if (item instanceof XActivityParser.Item.Post post) {
                x.add(MessageMapper.tweet(post.tweet(), p));
            } else if (item instanceof XActivityParser.Item.DirectMessage dm) {
                x.add(MessageMapper.directMessage(dm.event(), p));
            } else if (item instanceof XActivityParser.Item.Deletion d) {
                deletions.accept(new TweetDeletion(channel, d.postId(), d.authorId(), Optional.empty()));
            } else if (item instanceof XActivityParser.Item.Unreadable u) {
                x.rejects.add(new PayloadParser.Reject(u.rawJson(), u.error()));
            } else if (item instanceof XActivityParser.Item.Ignored i) {
                LOG.debug("x activity webhook: {}", LogText.of(i.what()));
            }
        }
        Batch batch = new Batch(x.customers, x.own, x.rejected("webhook:x-activity"), Optional.empty(), false);
        return WebhookResult.accepted(batch.isEmpty() ? List.of() : List.of(batch));
    }

    @Override
    public String toString() {
        return "TwitterWebhookHandler[accounts=" + accounts + "]";
    }

    /**
     * Configures a {@link TwitterWebhookHandler}. Required: the consumer secret and at least one account. Default
     * deletion listener logs at INFO. Not thread-safe.
     */
    public static final class Builder {
        private String consumerSecret;
        private final Map<Long, ChannelId> accounts = new LinkedHashMap<>();
        private boolean includeRetweets;
        private Consumer<TweetDeletion> deletions =
                d -> LOG.info("status {} deleted by user {} (channel {})", d.statusId(), d.userId(), d.channel());

        private Builder() {}

        /** The app's consumer secret, which signs CRC answers and event bodies. */
        public Builder consumerSecret(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("consumerSecret must not be blank");
            }
            consumerSecret = value;
            return this;
        }

        /** Events with {@code for_user_id = accountId} feed {@code channel}. */
        public Builder account(String accountId, ChannelId channel) {
            if (accountId == null || !accountId.matches("[1-9]\\d{0,18}")) {
                throw new IllegalArgumentException(
                        "accountId must be a numeric Twitter user id but was '" + accountId + "'");
            }
            Objects.requireNonNull(channel, "channel");
            if (accounts.putIfAbsent(Long.parseLong(accountId), channel) != null) {
                throw new IllegalArgumentException("account " + accountId + " is configured twice");
            }
            return this;
        }

        /** Whether retweets become customer messages. Default false. */
        public Builder includeRetweets(boolean value) {
            includeRetweets = value;
            return this;
        }

        /** Receives every {@code tweet_delete_events} entry. */
        public Builder deletionListener(Consumer<TweetDeletion> value) {
            deletions = Objects.requireNonNull(value, "deletionListener");
            return this;
        }

        /** @throws IllegalStateException naming what is missing */
        public TwitterWebhookHandler build() {
            if (consumerSecret == null) {
                throw new IllegalStateException("consumerSecret is required but was not set");
            }
            if (accounts.isEmpty()) {
                throw new IllegalStateException("at least one account(accountId, channel) is required");
            }
            return new TwitterWebhookHandler(this);
        }
    }
}
