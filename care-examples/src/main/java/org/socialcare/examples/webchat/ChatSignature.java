package org.socialcare.examples.webchat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The web chat API's request signature, shared by both ends: header {@value #HEADER} with value
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over {@code t + "\n" + METHOD + "\n" + path?query + "\n" + body}
 * with the shared secret. Verification compares in constant time and accepts a clock skew of
 * {@link #TOLERANCE}. Never prints the secret. Immutable; thread-safe.
 */
final class ChatSignature {
    static final String HEADER = "X-Chat-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final SecretKeySpec key;

    ChatSignature(String sharedSecret) {
        if (sharedSecret == null || sharedSecret.isBlank()) {
            throw new IllegalArgumentException("sharedSecret must not be blank");
        }
        this.key = new SecretKeySpec(sharedSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The header value for this request at {@code now}. */
    String sign(Instant now, String method, String pathAndQuery, String body) {
        long t = now.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(t, method, pathAndQuery, body));
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
            return MessageDigest.isEqual(given, mac(t, method, pathAndQuery, body)) && fresh;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private byte[] mac(long t, String method, String pathAndQuery, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(
                    (t + "\n" + method + "\n" + pathAndQuery + "\n" + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "ChatSignature[secret=***]";
    }
}
