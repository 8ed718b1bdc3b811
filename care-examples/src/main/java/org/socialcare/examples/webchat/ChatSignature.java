package org.socialcare.examples.webchat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.socialcare.adapter.support.HmacSha256;

/**
 * The web chat API's request signature, shared by both ends: header {@value #HEADER} with value
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over {@code t + "\n" + METHOD + "\n" + path?query + "\n" + body}
 * with the shared secret ({@link HmacSha256}). Verification compares in constant time and accepts a clock skew of
 * {@link #TOLERANCE}. Never prints the secret. Immutable; thread-safe.
 */
final class ChatSignature {
    static final String HEADER = "X-Chat-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final HmacSha256 key;

    ChatSignature(String sharedSecret) {
        this.key = HmacSha256.key("sharedSecret", sharedSecret);
    }

    /** The header value for this request at {@code now}. */
    String sign(Instant now, String method, String pathAndQuery, String body) {
        long t = now.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(key.mac(signed(t, method, pathAndQuery, body)));
    }

    /** True when {@code header} is a valid signature of this request made within the tolerance of {@code now}. */
    boolean verify(String header, Instant now, String method, String pathAndQuery, String body) {
        if (header == null || !header.startsWith("t=") || !header.contains(",v1=")) {
            return false;
        }
        int comma = header.indexOf(",v1=");
        try {
            long t = Long.parseLong(header.substring(2, comma));
            byte[] given = HexFormat.of().parseHex(header.substring(comma + 4));
            boolean fresh = Math.abs(now.getEpochSecond() - t) <= TOLERANCE.toSeconds();
            return key.matches(signed(t, method, pathAndQuery, body), given) && fresh;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] signed(long t, String method, String pathAndQuery, String body) {
        return (t + "\n" + method + "\n" + pathAndQuery + "\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ChatSignature[secret=***]";
    }
}
