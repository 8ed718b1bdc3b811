package org.socialcare.core.port.out;

import java.time.Instant;
import java.util.Optional;
import org.socialcare.core.domain.Checks;

/**
 * A checkpoint of the audit chain exported out of the desk's database: the last sequence number and hash at
 * {@code exportedAt}, signed (HMAC-SHA256, hex) with the bank's audit key when one is configured. Kept
 * elsewhere (a SIEM, write-once storage), it lets a later verification prove that no row up to {@code seq}
 * was removed and that the chain was not rewound, even by someone who controls the database. Immutable.
 *
 * @param seq the last sequence number of the chain when exported (0 for an empty chain)
 * @param hash that row's hash (64 hex characters)
 * @param exportedAt when it was exported
 * @param keyId the audit key that signed it; empty when unsigned
 * @param signature HMAC-SHA256 over seq, hash and exportedAt; empty when unsigned
 */
public record AuditAnchor(
        long seq, String hash, Instant exportedAt, Optional<String> keyId, Optional<String> signature) {
    public AuditAnchor {
        Checks.notNegative(seq, "seq");
        Checks.notNull(hash, "hash");
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(
                    "hash must be 64 lower-case hex characters, got length " + hash.length());
        }
        Checks.notNull(exportedAt, "exportedAt");
        Checks.notNull(keyId, "keyId");
        Checks.notNull(signature, "signature");
        if (keyId.isPresent() != signature.isPresent()) {
            throw new IllegalArgumentException("keyId and signature must be both present or both empty");
        }
    }

    /** The text a signature covers. */
    public String signedText() {
        return "care-audit-anchor-v1\n" + seq + "\n" + hash + "\n" + exportedAt;
    }
}
