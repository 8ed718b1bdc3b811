package org.socialcare.persistence.jdbc;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.socialcare.core.domain.Checks;

/**
 * The outcome of {@link JdbcAuditLog#verify()}: how many rows were checked and, when the chain is broken,
 * the sequence number of the first row that does not match (changed, inserted, or where a removed row was
 * expected) and what is wrong with it; which {@link Guarantee}s the check gave; how many rows had their detail
 * redacted by erasure or retention (their digest still verifies). Immutable.
 *
 * @param rowsChecked rows read and recomputed
 * @param firstTamperedSeq the first row that fails the check; empty when the chain is intact
 * @param problem what failed at that row; empty when the chain is intact
 * @param guarantees what the check proves when intact
 * @param redactedRows rows whose detail was redacted by design
 */
public record AuditVerification(
        long rowsChecked,
        Optional<Long> firstTamperedSeq,
        Optional<String> problem,
        Set<Guarantee> guarantees,
        long redactedRows) {

    /** What an intact verification proves. */
    public enum Guarantee {
        /** Every row matches its hash and links to the one before: edits, swaps, inserts and gaps in the middle are caught. */
        HASH_CHAIN,
        /**
         * Rows after the first keyed one and the head are signed with the bank's key: someone without the key cannot
         * rewrite rows, truncate the newest rows or rewind the head (short of replaying an old copy of the head row).
         */
        KEYED,
        /**
         * The chain still holds the row of an exported anchor kept outside the database, and its signature checks:
         * no row up to the anchor was removed or changed, even by someone holding the database and the key.
         */
        ANCHORED
    }

    public AuditVerification {
        Checks.notNegative(rowsChecked, "rowsChecked");
        Checks.notNull(firstTamperedSeq, "firstTamperedSeq");
        Checks.notNull(problem, "problem");
        guarantees =
                guarantees.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(Checks.notNull(guarantees, "guarantees")));
        Checks.notNegative(redactedRows, "redactedRows");
        if (firstTamperedSeq.isPresent() != problem.isPresent()) {
            throw new IllegalArgumentException("firstTamperedSeq and problem must be both present or both empty");
        }
    }

    /** A result of the plain hash chain. */
    public AuditVerification(long rowsChecked, Optional<Long> firstTamperedSeq, Optional<String> problem) {
        this(
                rowsChecked,
                firstTamperedSeq,
                problem,
                firstTamperedSeq.isEmpty() ? Set.of(Guarantee.HASH_CHAIN) : Set.of(),
                0);
    }

    static AuditVerification intact(long rows) {
        return new AuditVerification(rows, Optional.empty(), Optional.empty());
    }

    static AuditVerification intact(long rows, Set<Guarantee> guarantees, long redacted) {
        return new AuditVerification(rows, Optional.empty(), Optional.empty(), guarantees, redacted);
    }

    static AuditVerification tampered(long rows, long seq, String problem) {
        return new AuditVerification(rows, Optional.of(seq), Optional.of(problem), Set.of(), 0);
    }

    /** True when every row matches its hash and links to the one before, and none is missing. */
    public boolean intact() {
        return firstTamperedSeq.isEmpty();
    }
}
