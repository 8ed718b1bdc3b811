package org.socialcare.persistence.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.socialcare.core.AtRestProtection;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;

/**
 * Erasure (GDPR), retention and the one-off masking of rows stored before {@link AtRestProtection}, over the
 * care tables of one {@link JdbcCareStorage} ({@link JdbcCareStorage#dataProtection()}).
 *
 * <ul>
 *   <li>{@link #eraseCustomer}: one customer's conversations on a channel keep their shape (states, times,
 *       counts, so reports stay right) but lose every identifier and text: the customer id becomes a random
 *       pseudonym, handle and name go, message, outbox, approval and firing texts become {@value #ERASED},
 *       dead letters that name the customer are emptied, and audit details of those conversations (and desk
 *       lines naming the customer) are redacted. Audit rows are redacted, never deleted: the chain hashes a
 *       digest of each detail, so it still verifies.
 *   <li>{@link #purgeClosed}: deletes conversations CLOSED longer than the retention period ago, with their
 *       messages, outbox entries, approvals and firings, and redacts their audit details; reads only what is due
 *       through the {@code (state, resolved_at)} index, a bounded number per call.
 *   <li>{@link #maskStoredRows}: the one-off job for data stored before masking at rest: masks message bodies,
 *       outbox and approval texts, dead letters and escalation reasons in place.
 * </ul>
 * Each runs in one transaction and is audited ({@code CUSTOMER_ERASED}, {@code RETENTION_PURGED}). Audit
 * rows written before schema version 3 hash the detail itself and cannot be redacted; the results count them.
 *
 * <p>Thread-safe.
 */
public final class DataProtection {
    /** The text that replaces erased content. */
    public static final String ERASED = "[erased]";

    private static final String REDACTED_ERASURE = JdbcAuditLog.REDACTED_PREFIX + ": erasure]";
    private static final String REDACTED_RETENTION = JdbcAuditLog.REDACTED_PREFIX + ": retention]";
    private static final Pattern REQUEST_REF = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final JdbcTransactionManager tx;
    private final SqlDialect dialect;
    private final Tables t;
    private final JdbcAuditLog audit;
    private final Clock clock;

    DataProtection(JdbcTransactionManager tx, SqlDialect dialect, Tables tables, JdbcAuditLog audit, Clock clock) {
        this.tx = tx;
        this.dialect = dialect;
        this.t = tables;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an erasure touched. Immutable. */
    public record Erasure(
            int conversations,
            int messages,
            int outboxEntries,
            int deadLetters,
            int auditRedacted,
            int auditUnredactable) {}

    /** What a retention sweep purged. Immutable. */
    public record Purge(int conversations, int messages, int outboxEntries, int auditRedacted, int auditUnredactable) {}

    /** What the masking job changed, per table. Immutable. */
    public record Masking(int messages, int outboxEntries, int approvals, int deadLetters, int firings) {}

    /**
     * Erases the customer {@code platformUserId} on {@code channel} (see the class comment) and audits it under
     * {@code requestRef}, the bank's reference of the request (which must not be the customer's identifier).
     *
     * @throws IllegalArgumentException when {@code requestRef} is not 1 to 64 characters of
     *     {@code [A-Za-z0-9._:-]} or contains the customer id
     */
    public Erasure eraseCustomer(ChannelId channel, String platformUserId, String requestRef) {
        Checks.notNull(channel, "channel");
        Checks.notBlank(platformUserId, "platformUserId");
        Checks.notNull(requestRef, "requestRef");
        if (!REQUEST_REF.matcher(requestRef).matches() || requestRef.contains(platformUserId)) {
            throw new IllegalArgumentException("requestRef must be 1 to 64 characters of [A-Za-z0-9._:-] and must not"
                    + " contain the customer's id (length " + requestRef.length() + ")");
        }
        return tx.inTransaction(() -> tx.call("erase a customer", c -> {
            List<String> ids = new ArrayList<>();
            List<String> names = new ArrayList<>(List.of(platformUserId));
            try (PreparedStatement ps = c.prepareStatement("SELECT id, customer_handle, customer_name FROM "
                    + t.conversation() + " WHERE channel_id = ? AND customer_id = ?")) {
                ps.setString(1, channel.value());
                ps.setString(2, platformUserId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                        addName(names, rs.getString(2));
                        addName(names, rs.getString(3));
                    }
                }
            }
            String pseudonym = "erased-" + UUID.randomUUID();
            int messages = 0;
            int outbox = 0;
            int redacted = 0;
            for (String id : ids) {
                messages += update(
                        c,
                        "UPDATE " + t.message() + " SET body = ?, author_handle = ?,"
                                + " author_id = CASE WHEN author_id = ? THEN ? ELSE author_id END WHERE conversation_id = ?",
                        ERASED,
                        ERASED,
                        platformUserId,
                        pseudonym,
                        id);
                outbox += eraseReplies(c, t.outbox(), id, platformUserId, pseudonym);
                eraseReplies(c, t.approval(), id, platformUserId, pseudonym);
                update(c, "UPDATE " + t.escalationFiring() + " SET reason = ? WHERE conversation_id = ?", ERASED, id);
                update(
                        c,
                        "UPDATE " + t.conversation() + " SET customer_id = ?, customer_handle = ?, customer_name = NULL"
                                + " WHERE id = ?",
                        pseudonym,
                        ERASED,
                        id);
                redacted += update(
                        c,
                        "UPDATE " + t.audit() + " SET detail = ? WHERE conversation_id = ?"
                                + " AND detail_digest IS NOT NULL AND detail <> ?",
                        REDACTED_ERASURE,
                        id,
                        REDACTED_ERASURE);
            }
            update(
                    c,
                    "DELETE FROM " + t.customerLock() + " WHERE channel_id = ? AND customer_id = ?",
                    channel.value(),
                    platformUserId);
            int dead = eraseDeadLetters(c, names);
            int[] desk = redactAuditNaming(c, names);
            redacted += desk[0];
            int unredactable = desk[1]
                    + count(
                            c,
                            "SELECT COUNT(*) FROM " + t.audit()
                                    + " WHERE detail_digest IS NULL AND conversation_id IN (SELECT id FROM "
                                    + t.conversation()
                                    + " WHERE customer_id = ?)",
                            pseudonym);
            Erasure e = new Erasure(ids.size(), messages, outbox, dead, redacted, unredactable);
            audit.append(new AuditEntry(
                    clock.instant(),
                    "system",
                    AuditAction.CUSTOMER_ERASED,
                    Optional.empty(),
                    Optional.of(channel),
                    "erasure request " + requestRef + ": " + e));
            return e;
        }));
    }

    /**
     * Purges at most {@code limit} conversations CLOSED (resolved) before {@code now - retention}, oldest first,
     * and audits it; call again while it returns {@code limit} conversations.
     *
     * @throws IllegalArgumentException when {@code retention} is negative or zero, or {@code limit} is not positive
     */
    public Purge purgeClosed(Duration retention, int limit) {
        Checks.notNull(retention, "retention");
        if (retention.isZero() || retention.isNegative()) {
            throw new IllegalArgumentException("retention must be positive, got " + retention);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        Instant cutoff = clock.instant().minus(retention);
        return tx.inTransaction(() -> tx.call("purge closed conversations", c -> {
            List<String> due = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(dialect.limit("SELECT id FROM " + t.conversation()
                    + " WHERE state = 'CLOSED' AND resolved_at < ? ORDER BY resolved_at"))) {
                Params.bind(ps, dialect, cutoff, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(rs.getString(1));
                    }
                }
            }
            int messages = 0;
            int outbox = 0;
            int redacted = 0;
            int unredactable = 0;
            for (String id : due) {
                messages += update(c, "DELETE FROM " + t.message() + " WHERE conversation_id = ?", id);
                outbox += update(c, "DELETE FROM " + t.outbox() + " WHERE conversation_id = ?", id);
                update(c, "DELETE FROM " + t.approval() + " WHERE conversation_id = ?", id);
                update(c, "DELETE FROM " + t.escalationFiring() + " WHERE conversation_id = ?", id);
                update(c, "DELETE FROM " + t.conversation() + " WHERE id = ?", id);
                redacted += update(
                        c,
                        "UPDATE " + t.audit() + " SET detail = ? WHERE conversation_id = ?"
                                + " AND detail_digest IS NOT NULL AND detail <> ?",
                        REDACTED_RETENTION,
                        id,
                        REDACTED_RETENTION);
                unredactable += count(
                        c,
                        "SELECT COUNT(*) FROM " + t.audit() + " WHERE conversation_id = ? AND detail_digest IS NULL",
                        id);
            }
            Purge p = new Purge(due.size(), messages, outbox, redacted, unredactable);
            if (!due.isEmpty()) {
                audit.append(new AuditEntry(
                        clock.instant(),
                        "system",
                        AuditAction.RETENTION_PURGED,
                        Optional.empty(),
                        Optional.empty(),
                        "retention " + retention + ", closed before " + cutoff + ": " + p));
            }
            return p;
        }));
    }

    /**
     * The one-off job for rows stored before masking at rest: rewrites message bodies, outbox and approval
     * texts and errors, dead-letter payloads and reasons, and escalation reasons through {@code protection}.
     * Audit details are not rewritten (they were masked by the desk before, and rewriting would break the
     * chain). Idempotent; run it once after upgrading, from one node.
     */
    public Masking maskStoredRows(AtRestProtection protection) {
        Checks.notNull(protection, "protection");
        UnaryOperator<String> mask = s -> s == null ? null : protection.protect(s);
        return tx.inTransaction(() -> tx.call(
                "mask stored rows",
                c -> new Masking(
                        maskColumns(c, t.message(), "seq", mask, "body"),
                        maskColumns(c, t.outbox(), "id", mask, "body", "last_error", "failure_reason"),
                        maskColumns(c, t.approval(), "id", mask, "body", "last_error", "failure_reason"),
                        maskDeadLetters(c, mask),
                        maskColumns(c, t.escalationFiring(), "seq", mask, "reason"))));
    }

    // ------------------------------------------------------------ helpers

    private static void addName(List<String> names, String name) {
        if (name != null && name.length() >= 3 && !names.contains(name)) {
            names.add(name);
        }
    }

    private int eraseReplies(Connection c, String table, String conversation, String customer, String pseudonym)
            throws SQLException {
        return update(
                c,
                "UPDATE " + table + " SET body = ?, last_error = CASE WHEN last_error IS NULL THEN NULL"
                        + " ELSE ? END, failure_reason = CASE WHEN failure_reason IS NULL THEN NULL ELSE ? END,"
                        + " recipient = CASE WHEN recipient = ? THEN ? ELSE recipient END WHERE conversation_id = ?",
                ERASED,
                ERASED,
                ERASED,
                customer,
                pseudonym,
                conversation);
    }

    private int eraseDeadLetters(Connection c, List<String> names) throws SQLException {
        List<Long> hits = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, raw_payload, reason FROM " + t.deadLetter());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String text = new String(rs.getBytes(2), StandardCharsets.UTF_8) + "\n" + rs.getString(3);
                if (names.stream().anyMatch(text::contains)) {
                    hits.add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE " + t.deadLetter() + " SET raw_payload = ?, reason = ? WHERE seq = ?")) {
            for (long seq : hits) {
                ps.setBytes(1, ERASED.getBytes(StandardCharsets.UTF_8));
                ps.setString(2, ERASED);
                ps.setLong(3, seq);
                ps.executeUpdate();
            }
        }
        return hits.size();
    }

    /** Redacts v2 audit rows whose detail names the customer; returns {redacted, left because v1}. */
    private int[] redactAuditNaming(Connection c, List<String> names) throws SQLException {
        int redacted = 0;
        int v1 = 0;
        for (String name : names) {
            String like = "%" + name.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            redacted += update(
                    c,
                    "UPDATE " + t.audit() + " SET detail = ? WHERE detail LIKE ? ESCAPE '!'"
                            + " AND detail_digest IS NOT NULL",
                    REDACTED_ERASURE,
                    like);
            v1 += count(
                    c,
                    "SELECT COUNT(*) FROM " + t.audit() + " WHERE detail LIKE ? ESCAPE '!'"
                            + " AND detail_digest IS NULL",
                    like);
        }
        return new int[] {redacted, v1};
    }

    private int maskColumns(Connection c, String table, String key, UnaryOperator<String> mask, String... columns)
            throws SQLException {
        String cols = String.join(", ", columns);
        List<Object[]> changed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + key + ", " + cols + " FROM " + table);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object[] row = new Object[columns.length + 1];
                boolean differs = false;
                for (int i = 0; i < columns.length; i++) {
                    String before = rs.getString(i + 2);
                    row[i] = mask.apply(before);
                    differs |= before != null && !before.equals(row[i]);
                }
                row[columns.length] = rs.getObject(1);
                if (differs) {
                    changed.add(row);
                }
            }
        }
        StringBuilder set = new StringBuilder();
        for (String col : columns) {
            set.append(set.length() == 0 ? "" : ", ").append(col).append(" = ?");
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + set + " WHERE " + key + " = ?")) {
            for (Object[] row : changed) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.executeUpdate();
            }
        }
        return changed.size();
    }

    private int maskDeadLetters(Connection c, UnaryOperator<String> mask) throws SQLException {
        List<Object[]> changed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, raw_payload, reason FROM " + t.deadLetter());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String payload = new String(rs.getBytes(2), StandardCharsets.UTF_8);
                String reason = rs.getString(3);
                String p = mask.apply(payload);
                String r = mask.apply(reason);
                if (!p.equals(payload) || !r.equals(reason)) {
                    changed.add(new Object[] {p, r, rs.getLong(1)});
                }
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE " + t.deadLetter() + " SET raw_payload = ?, reason = ? WHERE seq = ?")) {
            for (Object[] row : changed) {
                ps.setBytes(1, ((String) row[0]).getBytes(StandardCharsets.UTF_8));
                ps.setString(2, (String) row[1]);
                ps.setLong(3, (Long) row[2]);
                ps.executeUpdate();
            }
        }
        return changed.size();
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static int count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
