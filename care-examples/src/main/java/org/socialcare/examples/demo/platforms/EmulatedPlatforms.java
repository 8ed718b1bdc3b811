package org.socialcare.examples.demo.platforms;

import com.restfb.json.Json;
import com.restfb.json.JsonArray;
import com.restfb.json.JsonObject;
import com.restfb.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.socialcare.core.CareDesk;
import org.socialcare.core.PollingScheduler;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.emulators.facebook.GraphApiEmulator;
import org.socialcare.emulators.facebook.WebhookPayloads;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.emulators.x.XApiEmulator;
import org.socialcare.examples.WebhookEndpoint;
import org.socialcare.examples.demo.BankSetup;
import org.socialcare.examples.demo.Delivery;
import org.socialcare.examples.demo.SimulatedMessage;
import org.socialcare.facebook.FacebookAdapter;
import org.socialcare.facebook.FacebookAdapterConfig;
import org.socialcare.facebook.FacebookWebhookHandler;

/**
 * Delivers the simulated day through the real adapters and local platform emulators on 127.0.0.1: one Twitter
 * emulator per Twitter channel of the bank (same account id and handle), an {@link XApiEmulator} for X API v2 or a
 * {@link TwitterApiEmulator} for v1.1 (the default) as {@link XApiVersion} says, and one {@link GraphApiEmulator}
 * for the Facebook page.
 *
 * <ul>
 *   <li><b>Twitter is pulled</b>: public customer messages become mentions of the account in its emulator (the
 *       customer as a Twitter user with id, handle, name, followers and verified flag, so triage and influence
 *       work), private ones DMs; {@link #pump()} runs a {@link PollingScheduler} over a mentions and a DM source
 *       per account ({@code XChannelSource} over X API v2, {@code Twitter4jChannelSource} over v1.1), every {@link #POLL_INTERVAL} of
 *       simulated time (the scheduler runs on the desk's clock).</li>
 *   <li><b>Facebook is pushed</b>: public messages become comments on the page's welcome post and Messenger
 *       messages become inbox messages in the Graph emulator (so replies, hides and the 24-hour window are
 *       checked there), and each tick's events reach the desk as one signed page webhook POST (entries
 *       batched) over HTTP to a {@link WebhookEndpoint} serving the adapter's {@link FacebookWebhookHandler}.
 *       Webhooks rather than Graph polling because that is how Facebook delivers comments and Messenger in
 *       production, and one POST per tick is cheaper than walking feed, comments and conversations.</li>
 *   <li><b>Publishing</b>: an {@code XChannelPublisher} (v2) or {@code Twitter4jChannelPublisher} (v1.1) per Twitter channel and the adapter's
 *       {@code RestFbChannelPublisher} for the page (replies, private replies, Messenger, and the moderation
 *       policy's HIDE_COMMENT).</li>
 *   <li><b>Echoes</b>: the bank's DMs come back through the DM sources, its Messenger messages and page comments
 *       as webhook echoes; the desk matches them against the outbox by platform id (no echo loops). Public
 *       tweets by the account do not mention it, so they are not among its mentions.</li>
 * </ul>
 *
 * <p>Lifecycle: {@link #start}, {@link #configure} the desk builder, {@link #connect} the built desk, then
 * use it as a {@link Delivery}; {@link #close()} stops the emulators and the webhook endpoint. Not thread-safe:
 * one simulation thread drives it.
 */
public final class EmulatedPlatforms implements Delivery {
    /** Simulated time between two polls of one Twitter source without backlog. */
    public static final Duration POLL_INTERVAL = Duration.ofMinutes(2);
    /** Where the Facebook webhook is served. */
    public static final String WEBHOOK_PATH = "/webhooks/facebook";

    private static final String PAGE_TOKEN = "northbank-demo-page-token";
    private static final String APP_SECRET = "northbank-demo-app-secret";
    private static final String VERIFY_TOKEN = "northbank-demo-verify-token";
    private static final String APP_ID = "424242424242";
    private static final int MAX_PASSES_PER_PUMP = 20;
    private static final String NODELAY = "sun.net.httpserver.nodelay";
    static final long ID_RANGE = 10_000_000_000_000L;
    /**
     * How long a call to an emulator or the webhook endpoint may take. A timed-out poll or publish is retried later
     * in simulated time and would change the day, so the limit is far above any answer on a busy machine (a stall
     * that long shows as a WARN on standard error, and a timed-out webhook POST ends the run).
     */
    static final Duration HTTP_TIMEOUT = Duration.ofMinutes(2);

    private final Clock clock;
    private final XApiVersion api;
    private final TwitterAccounts twitter;
    private final GraphApiEmulator graph;
    private final ChannelId page;
    private final FacebookAdapter facebook;
    private final String welcomePostId;
    private final Map<String, String> simulatedIds = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(HTTP_TIMEOUT)
            .build();
    private final List<String> sourceIds = new ArrayList<>();
    private PollingScheduler scheduler;
    private WebhookEndpoint endpoint;
    private int echoedMessages;
    private int echoedComments;
    private int webhookPosts;
    private boolean closed;

    private EmulatedPlatforms(BankSetup bank, Clock clock, XApiVersion api) throws IOException {
        this.clock = clock;
        this.api = api;
        ChannelId pageChannel = null;
        GraphApiEmulator graphEmulator = null;
        // Twitter ids are global: each account's emulator gets its own id range, or the desk would take a tweet on
        // one account for a duplicate of another account's tweet with the same id
        this.twitter = TwitterAccounts.start(api, bank.channels(), clock);
        try {
            for (Channel ch : bank.channels()) {
                if (ch.platform().equals(Platform.FACEBOOK) && graphEmulator == null) {
                    graphEmulator =
                            GraphApiEmulator.start(ch.platformAccountId(), ch.handle(), PAGE_TOKEN, APP_SECRET, clock);
                    pageChannel = ch.id();
                }
            }
        } catch (IOException | RuntimeException e) {
            twitter.close();
            if (graphEmulator != null) {
                graphEmulator.close();
            }
            throw e;
        }
        if (graphEmulator == null) {
            twitter.close();
            throw new IllegalArgumentException("the bank has no Facebook page channel; channels: " + bank.channels());
        }
        this.graph = graphEmulator;
        this.page = pageChannel;
        FacebookAdapterConfig pageConfig = EmulatorConfigs.facebook(graph)
                .channel(page)
                .verifyToken(VERIFY_TOKEN)
                .appId(APP_ID)
                .build();
        this.facebook = FacebookAdapter.create(clock, pageConfig);
        this.welcomePostId = graph.addPost(
                graph.pageId(),
                "Northbank",
                "Welcome to Northbank! Questions? Comment here or message us.",
                clock.instant());
    }

    /** As {@link #start(BankSetup, Clock, XApiVersion)} with the Twitter accounts on v1.1 (twitter4j). */
    public static EmulatedPlatforms start(BankSetup bank, Clock clock) throws IOException {
        return start(bank, clock, XApiVersion.V1_1);
    }

    /**
     * Starts the emulators for the bank's channels (one X API v2 or v1.1 Twitter emulator per Twitter channel, as
     * {@code api} says, one Graph emulator for the first Facebook page), all on 127.0.0.1, reading the time from
     * {@code clock}.
     *
     * @throws IOException if a local server cannot start
     */
    public static EmulatedPlatforms start(BankSetup bank, Clock clock, XApiVersion api) throws IOException {
        Objects.requireNonNull(api, "api");
        // The JDK's HTTP server writes response headers and body separately; with Nagle's algorithm on, each
        // small response waits for the client's delayed ACK (40 ms on Linux). Read once, when the first
        // server of the JVM starts: set it before (java -Dsun.net.httpserver.nodelay=true) to be sure.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        return new EmulatedPlatforms(bank, clock, api);
    }

    /**
     * Adds the publishers: per Twitter channel the X API v2 or twitter4j one (each account its own credentials),
     * restfb for the page.
     */
    public CareDesk.Builder configure(CareDesk.Builder builder) {
        twitter.configure(builder);
        return builder.publisher(facebook.publisher());
    }

    /**
     * Connects the built desk: serves the Facebook webhook (checking the subscription handshake as Facebook
     * does when it is set up) and registers the Twitter sources with a polling scheduler on the desk's clock.
     *
     * @throws IOException if the webhook endpoint cannot start
     * @throws IllegalStateException if the subscription handshake fails
     */
    public EmulatedPlatforms connect(CareDesk desk) throws IOException {
        if (endpoint != null) {
            throw new IllegalStateException("already connected to a desk");
        }
        endpoint = WebhookEndpoint.start(desk, Map.of(WEBHOOK_PATH, facebook.webhookHandler()));
        verifySubscription();
        PollingScheduler.Builder b = PollingScheduler.builder(desk);
        for (ChannelSource source : twitter.sources()) {
            b.source(source, POLL_INTERVAL);
            sourceIds.add(source.sourceId());
        }
        scheduler = b.build();
        return this;
    }

    @Override
    public void post(List<SimulatedMessage> messages) {
        JsonArray entries = new JsonArray();
        for (SimulatedMessage m : messages) {
            if (twitter.channels().contains(m.channel())) {
                simulatedIds.put(twitter.deliver(m), m.id());
            } else if (m.channel().equals(page)) {
                entries.add(facebookEntry(m));
            } else {
                throw new IllegalArgumentException("no emulator serves channel " + m.channel());
            }
        }
        if (!entries.isEmpty()) {
            pushWebhook(entries);
        }
    }

    private JsonValue facebookEntry(SimulatedMessage m) {
        Party a = m.author();
        String name = a.displayName().orElse(a.handle());
        String body;
        if (m.visibility() == Visibility.PUBLIC) {
            String commentId =
                    graph.addComment(welcomePostId, Optional.empty(), a.platformUserId(), name, m.text(), m.at());
            simulatedIds.put(commentId, m.id());
            body = WebhookPayloads.commentAdded(
                    graph.pageId(),
                    welcomePostId,
                    commentId,
                    welcomePostId,
                    a.platformUserId(),
                    name,
                    m.text(),
                    m.at());
        } else {
            String mid = graph.addCustomerMessage(a.platformUserId(), name, m.text(), m.at());
            simulatedIds.put(mid, m.id());
            body = WebhookPayloads.messengerMessage(graph.pageId(), a.platformUserId(), mid, m.text(), m.at());
        }
        return singleEntry(body);
    }

    /** The one entry of a page webhook body built by {@link WebhookPayloads}. */
    private static JsonValue singleEntry(String body) {
        return Json.parse(body).asObject().get("entry").asArray().get(0);
    }

    @Override
    public void pump() {
        if (scheduler == null) {
            throw new IllegalStateException("connect(desk) first");
        }
        pushEchoes();
        Instant now = clock.instant();
        for (int pass = 0; pass < MAX_PASSES_PER_PUMP; pass++) {
            scheduler.runDuePass();
            // a source with backlog is due again at once: walk it now rather than a simulated minute later
            if (scheduler.nextDue().filter(due -> !due.isAfter(now)).isEmpty()) {
                break;
            }
        }
    }

    /** Facebook shows the page's own Messenger messages and comments back as webhook events: push the new ones. */
    private void pushEchoes() {
        JsonArray entries = new JsonArray();
        Instant now = clock.instant();
        List<GraphApiEmulator.SentMessage> sent = graph.sentMessages();
        for (GraphApiEmulator.SentMessage s : sent.subList(echoedMessages, sent.size())) {
            // a private reply to a comment has no PSID until the customer answers: no echo to show
            s.recipientId()
                    .ifPresent(psid -> entries.add(singleEntry(WebhookPayloads.messengerEcho(
                            graph.pageId(), psid, s.messageId(), s.text(), now, APP_ID))));
        }
        echoedMessages = sent.size();
        List<GraphApiEmulator.CommentView> own = graph.pageComments();
        for (GraphApiEmulator.CommentView c : own.subList(echoedComments, own.size())) {
            entries.add(singleEntry(WebhookPayloads.commentAdded(
                    graph.pageId(),
                    c.postId(),
                    c.id(),
                    c.repliedTo().orElse(c.postId()),
                    graph.pageId(),
                    "Northbank",
                    c.message(),
                    now)));
        }
        echoedComments = own.size();
        if (!entries.isEmpty()) {
            pushWebhook(entries);
        }
    }

    @Override
    public void postAsAccount(ChannelId channel, String text, String appName, Instant at) {
        if (!twitter.channels().contains(channel)) {
            throw new IllegalArgumentException(
                    "only the Twitter accounts can be taken over in the demo; not " + channel);
        }
        twitter.postFromApp(channel, text, appName);
    }

    @Override
    public String simulatedId(String platformMessageId) {
        return simulatedIds.getOrDefault(platformMessageId, platformMessageId);
    }

    /**
     * The signed page webhook Facebook would POST to the connected endpoint for these customer messages on the
     * page (comments on the welcome post, Messenger messages), which are added to the Graph emulator first; for
     * load tests that send it themselves. Not thread-safe: build requests on one thread.
     *
     * @throws IllegalStateException before {@link #connect}
     * @throws IllegalArgumentException if a message is not on the Facebook page
     */
    public HttpRequest facebookWebhook(List<SimulatedMessage> messages) {
        if (endpoint == null) {
            throw new IllegalStateException("connect(desk) first");
        }
        JsonArray entries = new JsonArray();
        for (SimulatedMessage m : messages) {
            if (!m.channel().equals(page)) {
                throw new IllegalArgumentException("not on the Facebook page " + page + ": " + m.channel());
            }
            entries.add(facebookEntry(m));
        }
        return webhookRequest(entries);
    }

    private HttpRequest webhookRequest(JsonArray entries) {
        String body =
                new JsonObject().add("object", "page").add("entry", entries).toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(endpoint.baseUri().resolve(WEBHOOK_PATH))
                .timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(FacebookWebhookHandler.SIGNATURE_HEADER, FacebookWebhookHandler.signature(APP_SECRET, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
    }

    private void pushWebhook(JsonArray entries) {
        HttpRequest request = webhookRequest(entries);
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "the Facebook webhook answered " + response.statusCode() + ": " + response.body());
        }
        webhookPosts++;
    }

    private void verifySubscription() {
        String challenge = "northbank-" + clock.millis();
        URI uri = endpoint.baseUri()
                .resolve(WEBHOOK_PATH + "?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge="
                        + challenge);
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).GET().build());
        if (response.statusCode() != 200 || !response.body().equals(challenge)) {
            throw new IllegalStateException("the Facebook webhook subscription check failed: " + response.statusCode());
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("webhook call to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the webhook", e);
        }
    }

    /** The X API the Twitter accounts speak. */
    public XApiVersion xApi() {
        return api;
    }

    /**
     * The v1.1 Twitter emulator of a channel (for inspection: requests, posted statuses, sent DMs).
     *
     * @throws IllegalStateException if the accounts run on X API v2 (see {@link #x})
     */
    public TwitterApiEmulator twitter(ChannelId channel) {
        if (twitter instanceof Twitter4jAccounts v1) {
            return v1.emulator(channel);
        }
        throw new IllegalStateException(
                "the Twitter accounts run on X API " + api.label() + ": use x(" + channel + ")");
    }

    /**
     * The X API v2 emulator of a channel (for inspection: requests, published posts, sent DMs).
     *
     * @throws IllegalStateException if the accounts run on v1.1 (see {@link #twitter})
     */
    public XApiEmulator x(ChannelId channel) {
        if (twitter instanceof XApiAccounts v2) {
            return v2.emulator(channel);
        }
        throw new IllegalStateException(
                "the Twitter accounts run on X API " + api.label() + ": use twitter(" + channel + ")");
    }

    /** The Graph API emulator of the page (for inspection). */
    public GraphApiEmulator graph() {
        return graph;
    }

    /** How many webhook POSTs reached the desk (customer events and echoes, batched per tick). */
    public int webhookPosts() {
        return webhookPosts;
    }

    /** Polls made of a Twitter source, by source id. */
    public Map<String, Long> pollCounts() {
        Map<String, Long> out = new LinkedHashMap<>();
        sourceIds.forEach(id -> out.put(id, scheduler.pollCount(id)));
        return out;
    }

    /** Stops the webhook endpoint and the emulators; calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (endpoint != null) {
            endpoint.close();
        }
        twitter.close();
        graph.close();
    }
}
