package org.socialcare.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.socialcare.adapter.support.OneShotBody;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.error.PlatformException.Kind;
import org.socialcare.twitter.v2.OAuth1Signer;
import twitter4j.TwitterException;

/**
 * The publisher's three API v1.1 writes ({@code POST statuses/update}, {@code POST direct_messages/events/new},
 * {@code POST statuses/destroy/:id}), sent with the JDK's {@code java.net.http} client rather than twitter4j's.
 *
 * <p>Why: twitter4j 4.1.2 sends every request with {@code HttpURLConnection} (its {@code twitter4j.HttpClient} is
 * final and package-private; 4.1 has no pluggable HTTP client), and {@code HttpURLConnection} sends a POST a second
 * time by itself when the connection closes before any answer (JDK property {@code sun.net.http.retryPost},
 * default {@code true}). A reply Twitter had stored was then posted twice and the desk never saw a failure. The JDK
 * client does not re-send a POST, and the body goes through {@link OneShotBody}, so even a JVM started with
 * {@code jdk.httpclient.enableAllMethodRetry=true} cannot send it twice. A connection that drops after the request
 * left is an UNKNOWN outcome: the desk looks the reply up ({@code findPublished}) before sending again.
 *
 * <p>Same credentials (OAuth 1.0a, signed with {@link OAuth1Signer}), base URL, connect timeout and read timeout
 * (the time to wait for the answer) as twitter4j's reads. Failures are mapped by {@link TwitterErrors#mapWrite} as
 * twitter4j's are. Only the ids are read from the answers. Thread-safe. Not API.
 */
final class JdkHttpWrites {
    /** Twitter's answers to a write are a few kilobytes; anything far larger is not read. */
    private static final int MAX_BODY = 1 << 20;

    private final TwitterAdapterConfig config;
    private final HttpClient client;
    private final OAuth1Signer signer;

    JdkHttpWrites(TwitterAdapterConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.signer = OAuth1Signer.of(
                config.consumerKey(), config.consumerSecret(), config.accessToken(), config.accessTokenSecret());
    }

    /** {@code POST statuses/update} in reply to {@code inReplyToStatusId}; returns the new status id. */
    long reply(long inReplyToStatusId, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("status", text);
        form.put("in_reply_to_status_id", Long.toString(inReplyToStatusId));
        form.put("auto_populate_reply_metadata", "true");
        form.put("tweet_mode", "extended");
        String operation = "POST statuses/update";
        JsonNode status = postForm("statuses/update.json", form, operation);
        return id(status, operation);
    }

    /** {@code POST direct_messages/events/new} ({@code message_create}); returns the DM event id. */
    long sendDirectMessage(long recipientId, String text) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ObjectNode messageCreate =
                event.putObject("event").put("type", "message_create").putObject("message_create");
        messageCreate.putObject("target").put("recipient_id", Long.toString(recipientId));
        messageCreate.putObject("message_data").put("text", text);
        String operation = "POST direct_messages/events/new";
        URI uri = uri("direct_messages/events/new.json");
        HttpRequest request = request(uri, Map.of())
                .header("Content-Type", "application/json")
                .POST(OneShotBody.of(TwitterJson.write(event).getBytes(StandardCharsets.UTF_8)))
                .build();
        JsonNode answer = send(request, operation);
        return id(TwitterJson.object(answer, "event").orElse(null), operation);
    }

    /** {@code POST statuses/destroy/:id}. */
    void deleteTweet(long statusId) {
        postForm("statuses/destroy/" + statusId + ".json", Map.of(), "POST statuses/destroy");
    }

    private JsonNode postForm(String path, Map<String, String> form, String operation) {
        URI uri = uri(path);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = request(uri, form)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(OneShotBody.of(body.getBytes(StandardCharsets.UTF_8)))
                .build();
        return send(request, operation);
    }

    private URI uri(String path) {
        String base = config.restBaseUrl();
        return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
    }

    private HttpRequest.Builder request(URI uri, Map<String, String> form) {
        return HttpRequest.newBuilder(uri)
                .timeout(config.readTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", "care-twitter-adapter")
                .header(
                        "Authorization",
                        signer.header(
                                "POST", uri, form, config.clock().instant().getEpochSecond()));
    }

    private JsonNode send(HttpRequest request, String operation) {
        HttpResponse<InputStream> response;
        String body;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            // connect failures stay TRANSIENT; anything after the request may have left is UNKNOWN
            throw TwitterErrors.mapWrite(new TwitterException(e), operation, config.clock());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException(
                    Kind.UNKNOWN,
                    operation + " interrupted while waiting for the answer",
                    Optional.empty(),
                    Optional.empty(),
                    null);
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            Optional<Instant> reset =
                    response.headers().firstValue("x-rate-limit-reset").flatMap(JdkHttpWrites::epochSeconds);
            throw TwitterErrors.mapWrite(new TwitterException(body, null, status), operation, config.clock(), reset);
        }
        try {
            return TwitterJson.parse(body);
        } catch (TwitterJson.NotJson e) {
            throw new PlatformException(
                    Kind.UNKNOWN,
                    operation + " outcome unknown: HTTP " + status + " with a body that is not JSON: " + e.getMessage(),
                    Optional.of("http " + status),
                    Optional.empty(),
                    null);
        }
    }

    private static long id(JsonNode answer, String operation) {
        Optional<Long> id = answer == null ? Optional.empty() : TwitterJson.longValue(answer, "id");
        return id.orElseThrow(() -> new PlatformException(
                Kind.UNKNOWN,
                operation + " outcome unknown: the answer holds no id",
                Optional.empty(),
                Optional.empty(),
                null));
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> epochSeconds(String s) {
        return parseLong(s.trim()).filter(v -> v > 0).map(Instant::ofEpochSecond);
    }

    @Override
    public String toString() {
        return "JdkHttpWrites[" + config.accountId() + " at " + config.restBaseUrl() + "]";
    }
}
