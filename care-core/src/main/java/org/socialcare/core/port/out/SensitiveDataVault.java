package org.socialcare.core.port.out;

import java.util.Optional;
import org.socialcare.core.domain.sensitive.SensitiveDataKind;

/**
 * Where a bank keeps the raw value of sensitive data the desk masks before storing anything (a fraud team that
 * needs the full card number a customer wrote): the vault encrypts the value with the bank's key, keeps it
 * outside the care tables and returns an opaque reference, which the desk stores next to the masked form
 * ({@code **** **** **** 1111 [vault:ref]}).
 *
 * <p>Promises: {@link #deposit} returns a reference of 1 to 64 characters from {@code [A-Za-z0-9._:-]} that
 * reveals nothing of the value, or empty to keep only the masked text. It runs inside the desk's storage
 * transaction, so it must be quick; an exception fails that transaction. Thread-safe. The default,
 * {@link #maskedOnly()}, keeps nothing.
 */
public interface SensitiveDataVault {
    /** Keeps {@code raw} (of {@code kind}) and returns its reference, or empty to keep only the masked text. */
    Optional<String> deposit(SensitiveDataKind kind, String raw);

    /** The default: no raw value is kept anywhere, the stored text holds only the masked form. */
    static SensitiveDataVault maskedOnly() {
        return (kind, raw) -> Optional.empty();
    }
}
