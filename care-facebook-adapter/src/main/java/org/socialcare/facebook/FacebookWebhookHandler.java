package org.socialcare.facebook;

import com.restfb.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.adapter.support.HmacSha256;
import org.socialcare.adapter.support.LogText;
import org.socialcare.adapter.support.SignatureHeader;
import org.socialcare.adapter.support.SignedWebhookHandler;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.PayloadReading;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;

/**
 * Facebook page webhooks for one or more pages of the desk.
 *
 * <p>GET: the subscription check. {@code hub.mode=subscribe} with the configured {@code hub.verify_token}
 * (compared in constant time) is answered with {@code hub.challenge}; anything else is rejected (403, or 400
 * when a parameter is missing). POST: {@code X-Hub-Signature-256} must be {@code sha256=} and the hex
 * HMAC-SHA256 of the raw body with the app secret, compared in constant time with
 * {@link MessageDigest#isEqual}; a missing or wrong signature is rejected with 401 before the body is read.
 * Other methods are rejected with 405 (the template is {@link SignedWebhookHandler}).
 * The body's entries ({@code feed}/{@code mention} changes, {@code messaging} and {@code standby} events, any
 * number per call) become one {@link Batch} routed by each entry's page id (rules in the adapter README);
 * unknown fields are ignored, unknown event kinds are skipped with a log line and counted in
 * {@link #skippedCounts()}; an entry for a page with no configured channel or an unreadable event is kept as a
 * rejected payload (a dead letter). Malformed JSON throws {@link MalformedPayloadException} naming the problem.
 * Private customer messages are reported to the {@link MessengerWindow}.
 *
 * <p>Thread-safe. Never logs secrets or message text.
 */
public final class FacebookWebhookHandler extends SignedWebhookHandler {
    static {
        RestFbLogging.install(); // before any restfb class creates its loggers
    }

    private static final Logger LOG = LoggerFactory.getLogger(FacebookWebhookHandler.class);
    /** The signature header Facebook sends with every POST. */
    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private static final SignatureHeader SIGNATURE = SignatureHeader.hex(SIGNATURE_HEADER);

    private static final int MAX_CHALLENGE_LENGTH = 1024;

    private final Map<String, ChannelId> channelByPage;
    private final Map<ChannelId, String> appIdByChannel;
    private final List<HmacSha256> appSecrets;
    private final List<byte[]> verifyTokens;
    private final MessengerWindow window;
    private final Clock clock;
    private final PayloadMapper mapper;
    private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();

    /**
     * @param pages the pages whose webhooks this handler accepts (their app secrets and verify tokens are all accepted)
     * @throws IllegalArgumentException if {@code pages} is empty or names a page twice
     */
    public FacebookWebhookHandler(List<FacebookAdapterConfig> pages, MessengerWindow window, Clock clock) {
        super("Facebook page");
        Objects.requireNonNull(pages, "pages must not be null");
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("pages must name at least one Facebook page");
        }
        Map<String, ChannelId> byPage = new LinkedHashMap<>();
        Map<ChannelId, String> appIds = new LinkedHashMap<>();
        Set<String> secrets = new LinkedHashSet<>();
        Set<String> tokens = new LinkedHashSet<>();
        for (FacebookAdapterConfig c : pages) {
            if (byPage.put(c.pageId(), c.channel()) != null) {
                throw new IllegalArgumentException("page " + c.pageId() + " is configured twice");
            }
            c.appId().ifPresent(a -> appIds.put(c.channel(), a));
            secrets.add(c.appSecret());
            tokens.add(c.verifyToken());
        }
        this.channelByPage = Map.copyOf(byPage);
        this.appIdByChannel = Map.copyOf(appIds);
        this.appSecrets =
                secrets.stream().map(s -> HmacSha256.key("appSecret", s)).toList();
        this.verifyTokens =
                tokens.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.window = Objects.requireNonNull(window, "window must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.mapper = new PayloadMapper();
    }

    @Override
    public Platform platform() {
        return Platform.FACEBOOK;
    }

    /** GET: the subscription check ({@code hub.mode}, {@code hub.verify_token}, {@code hub.challenge}). */
    @Override
    protected WebhookResult answerChallenge(WebhookRequest request) {
        String mode = request.queryParam("hub.mode")
                .orElseThrow(() -> new WebhookRejectedException("hub.mode is missing", 400));
        String token = request.queryParam("hub.verify_token")
                .orElseThrow(() -> new WebhookRejectedException("hub.verify_token is missing", 400));
        String challenge = request.queryParam("hub.challenge")
                .orElseThrow(() -> new WebhookRejectedException("hub.challenge is missing", 400));
        if (!mode.equals("subscribe")) {
            throw new WebhookRejectedException("hub.mode must be 'subscribe'", 400);
        }
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (byte[] expected : verifyTokens) {
            ok |= MessageDigest.isEqual(expected, given);
        }
        if (!ok) {
            throw new WebhookRejectedException("hub.verify_token does not match the configured verify token", 403);
        }
        if (challenge.length() > MAX_CHALLENGE_LENGTH) {
            throw new WebhookRejectedException(
                    "hub.challenge is longer than " + MAX_CHALLENGE_LENGTH + " characters", 400);
        }
        LOG.info("Facebook webhook subscription verified");
        return WebhookResult.challenge("text/plain", challenge);
    }

    /** {@value #SIGNATURE_HEADER} over the raw body with any configured app secret, in constant time. */
    @Override
    protected void verify(WebhookRequest request) {
        SIGNATURE.verify(request, appSecrets);
    }

    @Override
    protected WebhookResult parse(WebhookRequest request) {
        byte[] body = request.body();
        JsonValue parsed = Json.parse(new String(body, StandardCharsets.UTF_8), "body");
        if (!parsed.isObject()) {
            throw new MalformedPayloadException("body", "expected a JSON object but was " + Json.kind(parsed));
        }
        PayloadMapper.Collected out = new PayloadMapper.Collected();
        mapper.webhook(parsed.asObject(), page -> Optional.ofNullable(channelByPage.get(page)), clock.instant(), out);
        for (Map.Entry<String, ChannelId> page : channelByPage.entrySet()) {
            window.observe(
                    page.getKey(),
                    out.customer.stream()
                            .filter(m -> m.channel().equals(page.getValue()))
                            .toList());
        }
        for (var own : out.own) {
            String ours = appIdByChannel.get(own.channel());
            if (ours != null
                    && own.sourceApp().isPresent()
                    && !own.sourceApp().get().equals(ours)) {
                LOG.warn(
                        "channel {}: own message {} was sent through app {}, not this desk's app {}",
                        own.channel(),
                        own.key(),
                        LogText.of(own.sourceApp().get()),
                        ours);
            }
        }
        for (PayloadReading.Skipped s : out.skipped) {
            skipped.computeIfAbsent(s.reason(), k -> new LongAdder()).increment();
        }
        LOG.debug(
                "Facebook webhook: {} customer message(s), {} own, {} skipped, {} rejected",
                out.customer.size(),
                out.own.size(),
                out.skipped.size(),
                out.rejected.size());
        Batch batch = new Batch(out.customer, out.own, out.rejected, Optional.empty(), false);
        return WebhookResult.accepted(batch.isEmpty() ? List.of() : List.of(batch));
    }

    /** The {@code X-Hub-Signature-256} value Facebook would send for {@code body} signed with {@code appSecret}. */
    public static String signature(String appSecret, byte[] body) {
        return SIGNATURE.sign(HmacSha256.key("appSecret", appSecret), body);
    }

    /** How many events were skipped, by reason ("unknown event kind", "delivery receipt (no message)", ...). */
    public Map<String, Long> skippedCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        skipped.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }
}
