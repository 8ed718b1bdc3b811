package org.socialcare.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.port.out.NoticeOutbox;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;

/**
 * {@link NoticeOutbox} over one table ({@code care_notice}, schema V5): one row per undelivered notice, deleted when
 * delivered. {@link #claimDue} reads due candidates, then claims each with a conditional
 * {@code UPDATE ... SET next_attempt_at = <lease end>, version = version + 1 WHERE id = ? AND version = <read>}, so of
 * several desks claiming at once exactly one gets each notice, on every dialect. Instants are kept at microsecond
 * precision. Thread-safe; joins the current transaction.
 */
public final class JdbcNoticeOutbox implements NoticeOutbox {
    private final JdbcTransactionManager tx;
    private final SqlDialect dialect;
    private final String table;

    JdbcNoticeOutbox(JdbcTransactionManager tx, SqlDialect dialect, Tables tables) {
        this.tx = tx;
        this.dialect = dialect;
        this.table = tables.notice();
    }

    @Override
    public void enqueue(Entry entry) {
        Checks.notNull(entry, "entry");
        EscalationNotice n = entry.notice();
        Row row = Row.of()
                .text("id", entry.id())
                .text("kind", n.kind().name())
                .text("channel_id", n.channel().value())
                .text("conversation_id", n.conversation().map(ConversationId::value))
                .text("reason", n.reason())
                .text("priority", n.priority().name())
                .instant("notice_at", n.at())
                .instant("enqueued_at", entry.enqueuedAt())
                .integer("attempts", entry.attempts())
                .instant("next_attempt_at", entry.nextAttemptAt())
                .text("last_error", entry.lastError());
        String sql = dialect.insertIgnore(table, row.columns(), List.of("id"));
        boolean stored = tx.call("enqueue escalation notice " + entry.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                row.bind(ps, 1, dialect);
                return dialect.executeInsertIgnore(ps);
            }
        });
        if (!stored) {
            throw new IllegalArgumentException("notice '" + entry.id() + "' is already enqueued");
        }
    }

    @Override
    public List<Entry> claimDue(Instant now, int limit, Duration lease) {
        Checks.notNull(now, "now");
        Checks.positive(limit, "limit");
        Checks.positive(lease, "lease");
        Instant until = now.plus(lease);
        String due = dialect.limit(
                "SELECT * FROM " + table + " WHERE next_attempt_at <= ? ORDER BY next_attempt_at, enqueued_at, id");
        return tx.call("claim due escalation notices", c -> {
            List<Versioned> candidates = list(c, due, now, limit);
            List<Entry> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                    + " SET next_attempt_at = ?, version = version + 1 WHERE id = ? AND version = ?")) {
                for (Versioned v : candidates) {
                    dialect.setInstant(ps, 1, Row.stored(until));
                    ps.setString(2, v.entry().id());
                    ps.setLong(3, v.version());
                    if (ps.executeUpdate() == 1) {
                        claimed.add(v.entry());
                    }
                }
            }
            return List.copyOf(claimed);
        });
    }

    @Override
    public void delivered(String id) {
        Checks.notBlank(id, "id");
        tx.call("remove delivered escalation notice " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void failed(String id, int attempts, Instant nextAttemptAt, String lastError) {
        Checks.notBlank(id, "id");
        Checks.notNull(nextAttemptAt, "nextAttemptAt");
        Checks.notNull(lastError, "lastError");
        tx.call("record a failed delivery of escalation notice " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                    + " SET attempts = ?, next_attempt_at = ?, last_error = ?, version = version + 1 WHERE id = ?")) {
                ps.setInt(1, attempts);
                dialect.setInstant(ps, 2, Row.stored(nextAttemptAt));
                ps.setString(3, lastError);
                ps.setString(4, id);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<Entry> failing(int limit) {
        Checks.positive(limit, "limit");
        return tx.call(
                "list failing escalation notices", c -> list(
                                c,
                                dialect.limit(
                                        "SELECT * FROM " + table + " WHERE attempts > 0 ORDER BY enqueued_at, id"),
                                limit)
                        .stream()
                        .map(Versioned::entry)
                        .toList());
    }

    @Override
    public int pending() {
        return tx.call("count escalation notices", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private record Versioned(Entry entry, long version) {}

    private List<Versioned> list(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Params.bind(ps, dialect, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<Versioned> out = new ArrayList<>();
                while (rs.next()) {
                    EscalationNotice notice = new EscalationNotice(
                            EscalationNotice.Kind.valueOf(rs.getString("kind")),
                            ChannelId.of(rs.getString("channel_id")),
                            Row.optText(rs, "conversation_id").map(ConversationId::of),
                            rs.getString("reason"),
                            Priority.valueOf(rs.getString("priority")),
                            Row.instant(rs, "notice_at", dialect));
                    out.add(new Versioned(
                            new Entry(
                                    rs.getString("id"),
                                    notice,
                                    Row.instant(rs, "enqueued_at", dialect),
                                    rs.getInt("attempts"),
                                    Row.instant(rs, "next_attempt_at", dialect),
                                    Row.optText(rs, "last_error")),
                            rs.getLong("version")));
                }
                return List.copyOf(out);
            }
        }
    }
}
