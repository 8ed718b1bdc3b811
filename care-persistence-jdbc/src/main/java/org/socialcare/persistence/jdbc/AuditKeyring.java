package org.socialcare.persistence.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.socialcare.core.domain.Checks;

/**
 * The bank's keys for the audit chain: new rows and the chain head are signed with HMAC-SHA256 under the
 * current key, and every row names the key that signed it, so rows signed before a rotation still verify
 * with the retired key kept here. Rotation: {@code keyring.rotateTo("2027-01", newKey)} on every desk at
 * once (or one after another: a desk still on the old key keeps signing with it, which verifies); drop a
 * retired key only when no row names it any more.
 *
 * <p>Immutable and thread-safe. Keys never appear in {@link #toString()}, logs or exception messages.
 */
public final class AuditKeyring {
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MIN_KEY_BYTES = 32;

    private final String current;
    private final Map<String, byte[]> keys;

    private AuditKeyring(String current, Map<String, byte[]> keys) {
        this.current = current;
        this.keys = keys;
    }

    /**
     * A keyring signing with {@code key} under {@code keyId}.
     *
     * @throws IllegalArgumentException when the id is not 1 to 64 characters of {@code [A-Za-z0-9._-]} or the
     *     key is shorter than 32 bytes (the message names the id and the length, never the key)
     */
    public static AuditKeyring of(String keyId, byte[] key) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put(checkId(keyId), checkKey(keyId, key));
        return new AuditKeyring(keyId, keys);
    }

    /** This keyring signing with a new current key; the previous keys stay for verification. */
    public AuditKeyring rotateTo(String keyId, byte[] key) {
        Map<String, byte[]> next = new LinkedHashMap<>(keys);
        if (next.containsKey(checkId(keyId))) {
            throw new IllegalArgumentException("audit key id '" + keyId + "' is already in the keyring");
        }
        next.put(keyId, checkKey(keyId, key));
        return new AuditKeyring(keyId, next);
    }

    /** This keyring with a retired key that only verifies rows it signed. */
    public AuditKeyring withRetired(String keyId, byte[] key) {
        Map<String, byte[]> next = new LinkedHashMap<>(keys);
        if (next.containsKey(checkId(keyId))) {
            throw new IllegalArgumentException("audit key id '" + keyId + "' is already in the keyring");
        }
        next.put(keyId, checkKey(keyId, key));
        return new AuditKeyring(current, next);
    }

    /** The id of the key new rows are signed with. */
    public String currentKeyId() {
        return current;
    }

    /** Every key id this keyring can verify. */
    public Set<String> keyIds() {
        return Set.copyOf(keys.keySet());
    }

    /** HMAC-SHA256 (hex) of {@code text} under the key {@code keyId}; empty when the keyring lacks it. */
    Optional<String> mac(String keyId, String text) {
        byte[] key = keys.get(keyId);
        if (key == null) {
            return Optional.empty();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Optional.of(HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** Compares two MACs in constant time. */
    static boolean sameMac(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "AuditKeyring[current=" + current + ", keys=" + keys.keySet() + "]";
    }

    private static String checkId(String keyId) {
        Checks.notNull(keyId, "keyId");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException(
                    "audit key id must be 1 to 64 characters of [A-Za-z0-9._-], got '" + keyId + "'");
        }
        return keyId;
    }

    private static byte[] checkKey(String keyId, byte[] key) {
        Checks.notNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "audit key '" + keyId + "' must have at least " + MIN_KEY_BYTES + " bytes, got " + key.length);
        }
        return Arrays.copyOf(key, key.length);
    }
}
