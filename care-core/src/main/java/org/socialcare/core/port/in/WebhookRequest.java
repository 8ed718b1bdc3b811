package org.socialcare.core.port.in;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.socialcare.core.domain.Checks;

/**
 * A platform's HTTP callback as the embedding web server received it: method, path, headers (looked up
 * case-insensitively), query parameters and the raw body bytes (signatures are computed over them).
 * Immutable; the body is copied.
 */
public final class WebhookRequest {
    private final String method;
    private final String path;
    private final Map<String, List<String>> headers;
    private final Map<String, String> query;
    private final byte[] body;

    public WebhookRequest(
            String method, String path, Map<String, List<String>> headers, Map<String, String> query, byte[] body) {
        this.method = Checks.notBlank(method, "method").toUpperCase(Locale.ROOT);
        this.path = Checks.notNull(path, "path");
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Checks.notNull(headers, "headers").forEach((k, v) -> h.put(k, List.copyOf(v)));
        this.headers = h;
        this.query = Map.copyOf(Checks.notNull(query, "query"));
        this.body = Checks.notNull(body, "body").clone();
    }

    public static WebhookRequest get(String path, Map<String, String> query) {
        return new WebhookRequest("GET", path, Map.of(), query, new byte[0]);
    }

    public static WebhookRequest post(String path, Map<String, String> headers, String body) {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new WebhookRequest("POST", path, h, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The first value of the header, any case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public byte[] body() {
        return body.clone();
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "WebhookRequest[" + method + " " + path + ", " + body.length + " bytes, headers=" + headers.keySet()
                + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookRequest r
                && method.equals(r.method)
                && path.equals(r.path)
                && headers.equals(r.headers)
                && query.equals(r.query)
                && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return 31 * method.hashCode() + Arrays.hashCode(body);
    }
}
