package org.socialcare.persistence.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.port.out.DeadLetterStore;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;

/**
 * {@link DeadLetterStore} over one table. The raw payload is kept as UTF-8 bytes (a binary column), so any
 * body a platform sent, control characters included, comes back exactly. Thread-safe; joins the current
 * transaction.
 */
public final class JdbcDeadLetterStore implements DeadLetterStore {
    private final JdbcTransactionManager tx;
    private final SqlDialect dialect;
    private final String table;

    JdbcDeadLetterStore(JdbcTransactionManager tx, SqlDialect dialect, Tables tables) {
        this.tx = tx;
        this.dialect = dialect;
        this.table = tables.deadLetter();
    }

    @Override
    public void put(DeadLetter deadLetter) {
        Checks.notNull(deadLetter, "deadLetter");
        Row row = Row.of()
                .text("id", deadLetter.id())
                .text("source", deadLetter.source())
                .bytes("raw_payload", deadLetter.rawPayload().getBytes(StandardCharsets.UTF_8))
                .text("reason", deadLetter.reason())
                .instant("received_at", deadLetter.receivedAt());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", row.columns()) + ") VALUES (?, ?, ?, ?, ?)";
        tx.call("store dead letter " + deadLetter.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                row.bind(ps, 1, dialect);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<DeadLetter> recent(int limit) {
        Checks.notNegative(limit, "limit");
        String sql = dialect.limit("SELECT * FROM " + table + " ORDER BY seq DESC");
        return tx.call("read recent dead letters", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, limit);
                List<DeadLetter> out = read(ps);
                Collections.reverse(out);
                return List.copyOf(out);
            }
        });
    }

    @Override
    public List<DeadLetter> open(Optional<String> after, int limit) {
        Checks.notNull(after, "after");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 but was " + limit);
        }
        String sql = dialect.limit("SELECT * FROM " + table + " WHERE reprocessed_at IS NULL"
                + (after.isPresent() ? " AND seq > COALESCE((SELECT seq FROM " + table + " WHERE id = ?), 0)" : "")
                + " ORDER BY seq");
        return tx.call("read open dead letters", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (after.isPresent()) {
                    ps.setString(i++, after.get());
                }
                ps.setInt(i, limit);
                return List.copyOf(read(ps));
            }
        });
    }

    @Override
    public Optional<DeadLetter> findOpen(String id) {
        Checks.notNull(id, "id");
        String sql = "SELECT * FROM " + table + " WHERE id = ? AND reprocessed_at IS NULL";
        return tx.call("find open dead letter " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, id);
                return read(ps).stream().findFirst();
            }
        });
    }

    @Override
    public boolean markReprocessed(String id, Instant at) {
        Checks.notNull(id, "id");
        Checks.notNull(at, "at");
        Row row = Row.of().instant("reprocessed_at", at);
        String sql = row.update(table, "id = ? AND reprocessed_at IS NULL");
        return tx.call("mark dead letter " + id + " reprocessed", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int next = row.bind(ps, 1, dialect);
                ps.setString(next, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private List<DeadLetter> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<DeadLetter> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new DeadLetter(
                        rs.getString("id"),
                        rs.getString("source"),
                        new String(rs.getBytes("raw_payload"), StandardCharsets.UTF_8),
                        rs.getString("reason"),
                        Row.instant(rs, "received_at", dialect)));
            }
            return out;
        }
    }
}
