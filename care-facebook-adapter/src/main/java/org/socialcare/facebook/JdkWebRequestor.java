package org.socialcare.facebook;

import com.restfb.DebugHeaderInfo;
import com.restfb.Version;
import com.restfb.WebRequestor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.socialcare.adapter.support.OneShotBody;

/**
 * restfb's {@link WebRequestor} (its supported transport extension point) over the JDK's {@code java.net.http}
 * client, in place of restfb's {@code DefaultWebRequestor}.
 *
 * <p>Why: {@code DefaultWebRequestor} sends with {@code HttpURLConnection}, which sends a POST a second time by
 * itself when the connection closes before any answer (JDK property {@code sun.net.http.retryPost}, default
 * {@code true}): a comment or message Facebook had stored was then posted twice and the desk never saw a failure.
 * The JDK client does not re-send a POST, and every POST body is a {@link OneShotBody}, so even a JVM started with
 * {@code jdk.httpclient.enableAllMethodRetry=true} cannot send it twice. A connection that drops after the
 * request left fails the call with an {@link IOException}, which restfb wraps and {@link GraphErrors#mapWrite} maps
 * to UNKNOWN (a failure to connect stays TRANSIENT).
 *
 * <p>Requests are the ones {@code DefaultWebRequestor} sends: the page token as {@code Authorization: Bearer},
 * form parameters in the body of a POST (or in the query beside a JSON body), GET and DELETE with the parameters
 * in the query. Binary attachments and reel uploads are not supported (the adapter sends neither). The connect
 * timeout is the client's, the read timeout bounds the wait for the answer's headers. The last answer's headers
 * are kept per thread ({@link #lastHeaders()}) so concurrent calls read their own rate-limit headers. Thread-safe.
 * Not API.
 */
final class JdkWebRequestor implements WebRequestor {
    private final HttpClient client;
    private final Duration readTimeout;
    private final ThreadLocal<Map<String, List<String>>> last = ThreadLocal.withInitial(Map::of);

    JdkWebRequestor(Duration connectTimeout, Duration readTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = readTimeout;
    }

    @Override
    public Response executeGet(Request request) throws IOException {
        return send(builder(request, request.getFullUrl()).GET().build());
    }

    @Override
    public Response executePost(Request request) throws IOException {
        if (request.isReelUpload()
                || (request.getBinaryAttachments() != null
                        && !request.getBinaryAttachments().isEmpty())) {
            throw new IllegalArgumentException(
                    "binary attachments and reel uploads are not supported by care's" + " Facebook transport");
        }
        String parameters = request.getParameters() == null ? "" : request.getParameters();
        HttpRequest http;
        if (request.hasBody()) {
            String url = parameters.isEmpty() ? request.getUrl() : request.getUrl() + "?" + parameters;
            http = builder(request, url)
                    .header("Content-Type", "application/json")
                    .POST(OneShotBody.of(request.getBody().getData().getBytes(StandardCharsets.UTF_8)))
                    .build();
        } else {
            http = builder(request, request.getUrl())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(OneShotBody.of(parameters.getBytes(StandardCharsets.UTF_8)))
                    .build();
        }
        return send(http);
    }

    @Override
    public Response executeDelete(Request request) throws IOException {
        return send(builder(request, request.getFullUrl()).DELETE().build());
    }

    /** Facebook's debug headers of the last answer on this thread. */
    @Override
    public DebugHeaderInfo getDebugHeaderInfo() {
        Map<String, List<String>> h = last.get();
        return DebugHeaderInfo.DebugHeaderInfoFactory.create()
                .setDebug(first(h, "x-fb-debug"))
                .setRev(first(h, "x-fb-rev"))
                .setTraceId(first(h, "x-fb-trace-id"))
                .setVersion(version(first(h, "facebook-api-version")))
                .setAppUsage(first(h, "x-app-usage"))
                .setPageUsage(first(h, "x-page-usage"))
                .setAdAccountUsage(first(h, "x-ad-account-usage"))
                .setBusinessUseCaseUsage(first(h, "x-business-use-case-usage"))
                .build();
    }

    /** Forgets this thread's last headers (before a call, so a failed call does not read an older answer's). */
    void forget() {
        last.remove();
    }

    /** The headers of this thread's last answer (names as sent; look them up ignoring case). */
    Map<String, List<String>> lastHeaders() {
        return last.get();
    }

    private HttpRequest.Builder builder(Request request, String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(readTimeout);
        if (request.hasHeaderAccessToken()) {
            b.header("Authorization", "Bearer " + request.getHeaderAccessToken());
        }
        return b;
    }

    private Response send(HttpRequest request) throws IOException {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for Facebook's answer");
        }
        last.set(response.headers().map());
        return new Response(response.statusCode(), response.body());
    }

    private static Version version(String header) {
        return header == null ? Version.UNVERSIONED : Version.getVersionFromString(header);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null
                    && e.getKey().equalsIgnoreCase(name)
                    && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "JdkWebRequestor";
    }
}
