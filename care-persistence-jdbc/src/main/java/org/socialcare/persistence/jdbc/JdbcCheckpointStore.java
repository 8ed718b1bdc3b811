package org.socialcare.persistence.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.port.out.CheckpointStore;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;

/**
 * {@link CheckpointStore} over one table keyed by source id; {@link #save} is the dialect's upsert, so it
 * commits with the batch that the desk stored in the same transaction. Thread-safe; joins the current
 * transaction.
 */
public final class JdbcCheckpointStore implements CheckpointStore {
    private final JdbcTransactionManager tx;
    private final SqlDialect dialect;
    private final String table;

    JdbcCheckpointStore(JdbcTransactionManager tx, SqlDialect dialect, Tables tables) {
        this.tx = tx;
        this.dialect = dialect;
        this.table = tables.checkpoint();
    }

    @Override
    public Optional<Checkpoint> load(String sourceId) {
        Checks.notNull(sourceId, "sourceId");
        return tx.call("load the checkpoint of source " + sourceId, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT source_position FROM " + table + " WHERE source_id = ?")) {
                ps.setString(1, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Checkpoint(sourceId, rs.getString(1)))
                            : Optional.<Checkpoint>empty();
                }
            }
        });
    }

    @Override
    public void save(Checkpoint checkpoint) {
        Checks.notNull(checkpoint, "checkpoint");
        Row row = Row.of().text("source_id", checkpoint.sourceId()).text("source_position", checkpoint.position());
        String sql = dialect.upsert(table, row.columns(), List.of("source_id"));
        tx.call("save the checkpoint of source " + checkpoint.sourceId(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                row.bind(ps, 1, dialect);
                return ps.executeUpdate();
            }
        });
    }
}
