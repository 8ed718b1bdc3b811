package org.socialcare.persistence.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.port.out.AuditLog;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;

/**
 * {@link AuditLog} whose rows form a hash chain: row {@code n} stores {@code seq = n}, the hash of row
 * {@code n-1} and its own SHA-256 over its fields and that previous hash; a one-row head table holds the last
 * sequence number and hash. {@link #verify()} recomputes the chain and reports the first row that was
 * changed, inserted or removed (removing the newest rows is caught by the head).
 *
 * <p>Appends are buffered in the transaction and written just before it commits, under a lock on the head row,
 * so concurrent transactions (on any node) extend one chain in commit order while holding that lock only for
 * the commit itself. Reads inside a transaction write its buffer first, so they see its own appends.
 * The chain proves rows were not changed by someone without the library; a database administrator who
 * rewrites the whole chain and the head is caught only by comparing with an exported head
 * ({@link #head()}) kept elsewhere.
 *
 * <p>Thread-safe; joins the current transaction.
 */
public final class JdbcAuditLog implements AuditLog {
    /** The hash before the first row. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final int VERIFY_FETCH_SIZE = 500;

    private final JdbcTransactionManager tx;
    private final SqlDialect dialect;
    private final String table;
    private final String head;

    JdbcAuditLog(JdbcTransactionManager tx, SqlDialect dialect, Tables tables) {
        this.tx = tx;
        this.dialect = dialect;
        this.table = tables.audit();
        this.head = tables.auditHead();
    }

    @Override
    public void append(AuditEntry entry) {
        Checks.notNull(entry, "entry");
        tx.call("append an audit entry", c -> {
            pending().entries.add(entry);
            return null;
        });
    }

    @Override
    public List<AuditEntry> forConversation(ConversationId conversation) {
        Checks.notNull(conversation, "conversation");
        return tx.call("read the audit trail of conversation " + conversation, c -> {
            pending().flush(c);
            return list(c, "SELECT * FROM " + table + " WHERE conversation_id = ? ORDER BY seq", conversation.value());
        });
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        Checks.notNegative(limit, "limit");
        return tx.call("read recent audit entries", c -> {
            pending().flush(c);
            List<AuditEntry> newestFirst =
                    list(c, dialect.limit("SELECT * FROM " + table + " ORDER BY seq DESC"), limit);
            List<AuditEntry> out = new ArrayList<>(newestFirst);
            Collections.reverse(out);
            return List.copyOf(out);
        });
    }

    /** The chain's head: the last sequence number and its hash (export it to detect a rewritten chain). */
    public ChainHead head() {
        return tx.call("read the audit chain head", c -> {
            pending().flush(c);
            return readHead(c, false);
        });
    }

    /** The last sequence number and hash of the audit chain. Immutable. */
    public record ChainHead(long seq, String hash) {}

    /**
     * Recomputes the whole chain, oldest row first, and reports the first row that fails: a hash that does not
     * match the row's fields, a link that does not match the previous row, a missing or extra sequence number,
     * or a head that does not match the last row. Reads committed rows only; safe while the desk runs.
     */
    public AuditVerification verify() {
        return tx.call("verify the audit chain", c -> {
            ChainHead expectedHead = readHead(c, false);
            String sql = "SELECT * FROM " + table + " WHERE seq <= ? ORDER BY seq";
            long checked = 0;
            long expectedSeq = 1;
            String previous = GENESIS_HASH;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(VERIFY_FETCH_SIZE);
                ps.setLong(1, expectedHead.seq());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong("seq");
                        checked++;
                        AuditEntry entry;
                        try {
                            entry = read(rs);
                        } catch (IllegalArgumentException | NullPointerException | SQLException unreadable) {
                            return AuditVerification.tampered(
                                    checked,
                                    seq,
                                    "row " + seq + " cannot be read as an audit entry: " + unreadable.getMessage());
                        }
                        String prevHash = rs.getString("prev_hash");
                        String rowHash = rs.getString("row_hash");
                        if (seq != expectedSeq) {
                            return AuditVerification.tampered(
                                    checked,
                                    Math.min(seq, expectedSeq),
                                    seq > expectedSeq
                                            ? "row " + expectedSeq + " is missing (next row is " + seq + ")"
                                            : "row " + seq + " appears out of order");
                        }
                        if (!previous.equals(prevHash)) {
                            return AuditVerification.tampered(
                                    checked,
                                    seq,
                                    "row " + seq + " does not link to row " + (seq - 1)
                                            + " (a row before it was changed, removed or inserted)");
                        }
                        if (!hash(seq, entry, prevHash).equals(rowHash)) {
                            return AuditVerification.tampered(
                                    checked, seq, "row " + seq + " does not match its hash (its content was changed)");
                        }
                        previous = rowHash;
                        expectedSeq++;
                    }
                }
            }
            long last = expectedSeq - 1;
            if (last != expectedHead.seq()) {
                return AuditVerification.tampered(
                        checked,
                        last + 1,
                        "rows from " + (last + 1) + " to " + expectedHead.seq() + " are missing (the chain head says "
                                + expectedHead.seq() + ")");
            }
            if (!previous.equals(expectedHead.hash())) {
                return AuditVerification.tampered(
                        checked, Math.max(1, last), "row " + last + " does not match the chain head");
            }
            return AuditVerification.intact(checked);
        });
    }

    // ------------------------------------------------------------ chain

    private Pending pending() {
        return tx.resource(this, Pending::new);
    }

    /** Appends of one transaction, written under the head lock just before commit (or before a read). */
    private final class Pending implements JdbcTransactionManager.BeforeCommit {
        final List<AuditEntry> entries = new ArrayList<>();

        @Override
        public void beforeCommit(Connection connection) throws SQLException {
            flush(connection);
        }

        void flush(Connection c) throws SQLException {
            if (entries.isEmpty()) {
                return;
            }
            ChainHead h = readHead(c, true);
            long seq = h.seq();
            String previous = h.hash();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO " + table + " (seq, occurred_at, actor, action,"
                            + " conversation_id, channel_id, detail, prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEntry e : entries) {
                    seq++;
                    String hash = hash(seq, e, previous);
                    Row.of()
                            .bigint("seq", seq)
                            .instant("occurred_at", e.at())
                            .text("actor", e.actor())
                            .text("action", e.action().name())
                            .text("conversation_id", e.conversation().map(ConversationId::value))
                            .text("channel_id", e.channel().map(ChannelId::value))
                            .text("detail", e.detail())
                            .text("prev_hash", previous)
                            .text("row_hash", hash)
                            .bind(ps, 1, dialect);
                    ps.addBatch();
                    previous = hash;
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE " + head + " SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                ps.setLong(1, seq);
                ps.setString(2, previous);
                ps.executeUpdate();
            }
            entries.clear();
        }
    }

    private ChainHead readHead(Connection c, boolean lock) throws SQLException {
        String sql = "SELECT last_seq, last_hash FROM " + head + " WHERE id = 1";
        try (PreparedStatement ps = c.prepareStatement(lock ? dialect.forUpdate(sql) : sql);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException(
                        "the audit chain head row is missing from " + head + "; the schema script inserts it");
            }
            return new ChainHead(rs.getLong(1), rs.getString(2));
        }
    }

    /**
     * SHA-256 (hex) over the row's sequence number, fields (instant at microseconds, absent values marked apart
     * from empty ones, each value length-prefixed so fields cannot run into each other) and the previous hash.
     */
    static String hash(long seq, AuditEntry e, String previousHash) {
        StringBuilder s = new StringBuilder(128 + e.detail().length());
        s.append("care-audit-v1\n").append(seq).append('\n');
        field(s, Optional.of(Row.stored(e.at()).toString()));
        field(s, Optional.of(e.actor()));
        field(s, Optional.of(e.action().name()));
        field(s, e.conversation().map(ConversationId::value));
        field(s, e.channel().map(ChannelId::value));
        field(s, Optional.of(e.detail()));
        s.append(previousHash);
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }

    private static void field(StringBuilder s, Optional<String> value) {
        if (value.isEmpty()) {
            s.append("-\n");
        } else {
            s.append(value.get().length()).append(':').append(value.get()).append('\n');
        }
    }

    private List<AuditEntry> list(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Params.bind(ps, dialect, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<AuditEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        }
    }

    private AuditEntry read(ResultSet rs) throws SQLException {
        Instant at = Row.instant(rs, "occurred_at", dialect);
        return new AuditEntry(
                at,
                rs.getString("actor"),
                AuditAction.valueOf(rs.getString("action")),
                Row.optText(rs, "conversation_id").map(ConversationId::of),
                Row.optText(rs, "channel_id").map(ChannelId::of),
                rs.getString("detail"));
    }
}
