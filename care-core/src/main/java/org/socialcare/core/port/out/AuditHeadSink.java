package org.socialcare.core.port.out;

/**
 * Where a bank keeps exported {@link AuditAnchor}s, outside the desk's database (a SIEM, a write-once bucket,
 * a ticket): the storage exports one when asked (for example every few minutes from a scheduler) and the bank
 * hands the newest one back to the storage's verification.
 *
 * <p>Promises: {@link #accept} keeps the anchor or throws; it is called outside any storage transaction.
 * Thread-safe.
 */
public interface AuditHeadSink {
    /** Keeps {@code anchor}. */
    void accept(AuditAnchor anchor);
}
