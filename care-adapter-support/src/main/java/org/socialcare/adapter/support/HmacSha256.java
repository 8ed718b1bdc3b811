package org.socialcare.adapter.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC-SHA256 key: computes the MAC of a message and checks a given MAC in constant time
 * ({@link MessageDigest#isEqual}), the primitive behind Facebook's {@code X-Hub-Signature-256}, Twitter's
 * {@code x-twitter-webhooks-signature} and CRC response token, and the web chat example's signature.
 *
 * <p>Immutable and thread-safe (a fresh {@link Mac} per call). The key never appears in {@link #toString()} or in
 * an exception message.
 */
public final class HmacSha256 {
    private static final String ALGORITHM = "HmacSHA256";
    /** Length of an HMAC-SHA256 in bytes. */
    public static final int LENGTH = 32;

    private final SecretKeySpec key;

    private HmacSha256(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /**
     * The key made of the UTF-8 bytes of {@code secret} (an app secret, a consumer secret, a shared secret).
     *
     * @param name what the secret is called in the caller's configuration, for the error message
     * @throws IllegalArgumentException naming {@code name} if the secret is null or blank
     */
    public static HmacSha256 key(String name, String secret) {
        Objects.requireNonNull(name, "name");
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return new HmacSha256(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The 32-byte HMAC-SHA256 of {@code message} under this key. */
    public byte[] mac(byte[] message) {
        Objects.requireNonNull(message, "message");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** The MAC of the UTF-8 bytes of {@code message}. */
    public byte[] mac(String message) {
        return mac(Objects.requireNonNull(message, "message").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether {@code given} is the MAC of {@code message}, compared in time independent of where the two differ.
     * A {@code given} of the wrong length is simply false.
     */
    public boolean matches(byte[] message, byte[] given) {
        Objects.requireNonNull(given, "given");
        return MessageDigest.isEqual(mac(message), given);
    }

    @Override
    public String toString() {
        return "HmacSha256[key=***]";
    }
}
