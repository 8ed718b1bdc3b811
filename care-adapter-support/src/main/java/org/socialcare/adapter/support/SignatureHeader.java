package org.socialcare.adapter.support;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.port.in.WebhookRequest;

/**
 * A webhook signature header of the form {@code sha256=<HMAC-SHA256 of the raw body>}, in {@link
 * SignatureEncoding#HEX hex} (Facebook's {@code X-Hub-Signature-256}) or {@link SignatureEncoding#BASE64 base64}
 * (Twitter's {@code x-twitter-webhooks-signature}).
 *
 * <p>{@link #verify} accepts a request whose header carries the MAC of its body under any of the given keys (a
 * desk serving several Facebook apps accepts each app's secret). Every key is tried, whatever the outcome of the
 * others, and each comparison is constant-time. It rejects with {@link WebhookRejectedException} (HTTP 401) and
 * a message naming the header and the problem: missing, another algorithm than {@code sha256}, not {@code sha256=}
 * followed by a 32-byte MAC in the encoding, or a MAC that does not match the body. Messages never contain a key
 * or the header's value.
 *
 * <p>Immutable and thread-safe.
 */
public final class SignatureHeader {
    private static final String PREFIX = "sha256=";
    private static final int MAX_ALGORITHM_ECHO = 16;

    private final String name;
    private final SignatureEncoding encoding;

    private SignatureHeader(String name, SignatureEncoding encoding) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("header name must not be blank");
        }
        this.name = name;
        this.encoding = Objects.requireNonNull(encoding, "encoding");
    }

    /** A header {@code name} holding {@code sha256=} and the hex MAC (Facebook). */
    public static SignatureHeader hex(String name) {
        return new SignatureHeader(name, SignatureEncoding.HEX);
    }

    /** A header {@code name} holding {@code sha256=} and the base64 MAC (Twitter). */
    public static SignatureHeader base64(String name) {
        return new SignatureHeader(name, SignatureEncoding.BASE64);
    }

    /** The header's name (looked up case-insensitively in a request). */
    public String name() {
        return name;
    }

    public SignatureEncoding encoding() {
        return encoding;
    }

    /** The header value the platform sends for {@code body} signed with {@code key}: {@code sha256=<encoded MAC>}. */
    public String sign(HmacSha256 key, byte[] body) {
        return PREFIX + encoding.encode(Objects.requireNonNull(key, "key").mac(body));
    }

    /**
     * Checks the header of {@code request} against its raw body.
     *
     * @param keys the accepted keys, at least one
     * @throws WebhookRejectedException (401) naming the header and what is wrong with it
     * @throws IllegalArgumentException if {@code keys} is empty
     */
    public void verify(WebhookRequest request, List<HmacSha256> keys) {
        Objects.requireNonNull(request, "request");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("keys must hold at least one key");
        }
        byte[] given = decode(request.header(name));
        byte[] body = request.body();
        boolean ok = false;
        for (HmacSha256 key : keys) {
            ok |= key.matches(body, given);
        }
        if (!ok) {
            throw rejected(name + " does not match the body");
        }
    }

    /** {@link #verify(WebhookRequest, List)} with one key. */
    public void verify(WebhookRequest request, HmacSha256 key) {
        verify(request, List.of(key));
    }

    private byte[] decode(Optional<String> header) {
        String value = header.map(String::trim).orElseThrow(() -> rejected("missing " + name + " header"));
        int eq = value.indexOf('=');
        String algorithm = eq < 0 ? "" : value.substring(0, eq).trim();
        if (!algorithm.equalsIgnoreCase("sha256")) {
            String shown =
                    algorithm.length() > MAX_ALGORITHM_ECHO ? algorithm.substring(0, MAX_ALGORITHM_ECHO) : algorithm;
            throw rejected("unsupported signature algorithm '" + shown + "' in " + name + " (expected sha256=...)");
        }
        return encoding.decode(value.substring(eq + 1).trim())
                .filter(mac -> mac.length == HmacSha256.LENGTH)
                .orElseThrow(
                        () -> rejected(name + " must be 'sha256=' and a 32-byte MAC in " + encoding.description()));
    }

    private static WebhookRejectedException rejected(String reason) {
        return new WebhookRejectedException(reason, 401);
    }

    @Override
    public String toString() {
        return "SignatureHeader[" + name + ": sha256=<" + encoding.description() + ">]";
    }
}
