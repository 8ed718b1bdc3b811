package org.socialcare.persistence.jdbc;

import java.util.Optional;
import org.socialcare.core.domain.Checks;

/**
 * The outcome of {@link JdbcAuditLog#verify()}: how many rows were checked and, when the chain is broken,
 * the sequence number of the first row that does not match (changed, inserted, or where a removed row was
 * expected) and what is wrong with it. Immutable.
 *
 * @param rowsChecked rows read and recomputed
 * @param firstTamperedSeq the first row that fails the check; empty when the chain is intact
 * @param problem what failed at that row; empty when the chain is intact
 */
public record AuditVerification(long rowsChecked, Optional<Long> firstTamperedSeq, Optional<String> problem) {
    public AuditVerification {
        Checks.notNegative(rowsChecked, "rowsChecked");
        Checks.notNull(firstTamperedSeq, "firstTamperedSeq");
        Checks.notNull(problem, "problem");
        if (firstTamperedSeq.isPresent() != problem.isPresent()) {
            throw new IllegalArgumentException("firstTamperedSeq and problem must be both present or both empty");
        }
    }

    static AuditVerification intact(long rows) {
        return new AuditVerification(rows, Optional.empty(), Optional.empty());
    }

    static AuditVerification tampered(long rows, long seq, String problem) {
        return new AuditVerification(rows, Optional.of(seq), Optional.of(problem));
    }

    /** True when every row matches its hash and links to the one before, and none is missing. */
    public boolean intact() {
        return firstTamperedSeq.isEmpty();
    }
}
