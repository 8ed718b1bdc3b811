package org.socialcare.persistence.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
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
import org.socialcare.core.port.out.AuditAnchor;
import org.socialcare.core.port.out.AuditHeadSink;
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
 * Rows written since schema version 3 (chain v2) hash a SHA-256 digest of their detail instead of the
 * detail, so erasure and retention can redact a detail ({@link #REDACTED_PREFIX}) and the chain still
 * verifies. With an {@link AuditKeyring} the row hashes and the head are HMAC-SHA256 under the bank's key:
 * without the key nobody can rewrite rows, truncate the newest ones or rewind the head. An
 * {@link AuditAnchor} exported to an {@link AuditHeadSink} ({@link #exportAnchor}) and handed back to
 * {@link #verify(AuditAnchor)} catches even someone who holds the database and the key. {@link
 * AuditVerification#guarantees()} says which of these held.
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
    private final Optional<AuditKeyring> keys;
    private final Clock clock;

    JdbcAuditLog(JdbcTransactionManager tx, SqlDialect dialect, Tables tables) {
        this(tx, dialect, tables, Optional.empty(), Clock.systemUTC());
    }

    JdbcAuditLog(
            JdbcTransactionManager tx, SqlDialect dialect, Tables tables, Optional<AuditKeyring> keys, Clock clock) {
        this.tx = tx;
        this.dialect = dialect;
        this.table = tables.audit();
        this.head = tables.auditHead();
        this.keys = keys;
        this.clock = clock;
    }

    /** Text of a detail redacted by erasure or retention; the row's digest of the original still verifies. */
    public static final String REDACTED_PREFIX = "[redacted";

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
     * Exports the chain's head as an {@link AuditAnchor}, signed with the current audit key when one is
     * configured, to {@code sink} (outside any transaction), and returns it. Keep the newest one and pass it
     * to {@link #verify(AuditAnchor)}.
     */
    public AuditAnchor exportAnchor(AuditHeadSink sink) {
        Checks.notNull(sink, "sink");
        ChainHead h = head();
        AuditAnchor unsigned = new AuditAnchor(h.seq(), h.hash(), clock.instant(), Optional.empty(), Optional.empty());
        AuditAnchor anchor = keys.map(k -> new AuditAnchor(
                        unsigned.seq(),
                        unsigned.hash(),
                        unsigned.exportedAt(),
                        Optional.of(k.currentKeyId()),
                        k.mac(k.currentKeyId(), unsigned.signedText())))
                .orElse(unsigned);
        sink.accept(anchor);
        return anchor;
    }

    /**
     * {@link #verify()}, and also that the chain still holds {@code anchor}'s row with its hash (nothing up to
     * it was removed, the head was not rewound below it) and that the anchor's signature checks when the
     * keyring has its key. Adds {@link AuditVerification.Guarantee#ANCHORED} when all holds.
     */
    public AuditVerification verify(AuditAnchor anchor) {
        Checks.notNull(anchor, "anchor");
        AuditVerification chain = verify();
        if (!chain.intact()) {
            return chain;
        }
        if (anchor.signature().isPresent()) {
            Optional<String> expected = keys.flatMap(k -> k.mac(anchor.keyId().orElseThrow(), anchor.signedText()));
            if (expected.isEmpty()) {
                return AuditVerification.tampered(
                        chain.rowsChecked(),
                        Math.max(1, anchor.seq()),
                        "the anchor is signed with audit key '" + anchor.keyId().orElseThrow()
                                + "', which the keyring does not hold");
            }
            if (!AuditKeyring.sameMac(expected.get(), anchor.signature().orElseThrow())) {
                return AuditVerification.tampered(
                        chain.rowsChecked(),
                        Math.max(1, anchor.seq()),
                        "the anchor's signature does not match (the anchor was altered)");
            }
        }
        ChainHead now = head();
        if (now.seq() < anchor.seq()) {
            return AuditVerification.tampered(
                    chain.rowsChecked(),
                    now.seq() + 1,
                    "the chain ends at row " + now.seq() + " but an exported anchor holds row " + anchor.seq()
                            + " (the newest rows were removed and the head rewound)");
        }
        Optional<String> rowHash = anchor.seq() == 0 ? Optional.of(GENESIS_HASH) : rowHash(anchor.seq());
        if (rowHash.isEmpty() || !rowHash.get().equals(anchor.hash())) {
            return AuditVerification.tampered(
                    chain.rowsChecked(),
                    Math.max(1, anchor.seq()),
                    "row " + anchor.seq() + " does not match the exported anchor (the chain was rewritten)");
        }
        java.util.EnumSet<AuditVerification.Guarantee> g = java.util.EnumSet.copyOf(chain.guarantees());
        g.add(AuditVerification.Guarantee.ANCHORED);
        return AuditVerification.intact(chain.rowsChecked(), g, chain.redactedRows());
    }

    private Optional<String> rowHash(long seq) {
        return tx.call("read an audit row's hash", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT row_hash FROM " + table + " WHERE seq = ?")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /**
     * Recomputes the whole chain, oldest row first, and reports the first row that fails: a hash that does not
     * match the row's fields, a link that does not match the previous row, a missing or extra sequence number,
     * or a head that does not match the last row. Reads committed rows only; safe while the desk runs.
     */
    public AuditVerification verify() {
        return tx.call("verify the audit chain", c -> {
            StoredHead expectedHead = readStoredHead(c);
            String sql = "SELECT * FROM " + table + " WHERE seq <= ? ORDER BY seq";
            long checked = 0;
            long expectedSeq = 1;
            String previous = GENESIS_HASH;
            long redacted = 0;
            boolean seenV2 = false;
            boolean seenKeyed = false;
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
                        String digest = rs.getString("detail_digest");
                        String keyId = rs.getString("key_id");
                        String expected;
                        if (digest == null) {
                            if (seenV2) {
                                return AuditVerification.tampered(
                                        checked, seq, "row " + seq + " has no detail digest after rows that have one");
                            }
                            expected = hash(seq, entry, prevHash);
                        } else {
                            seenV2 = true;
                            if (!digest(entry.detail()).equals(digest)) {
                                if (!entry.detail().startsWith(REDACTED_PREFIX)) {
                                    return AuditVerification.tampered(
                                            checked,
                                            seq,
                                            "row " + seq
                                                    + " does not match its detail digest (its detail was changed)");
                                }
                                redacted++;
                            }
                            if (keyId == null) {
                                if (seenKeyed) {
                                    return AuditVerification.tampered(
                                            checked, seq, "row " + seq + " is not signed after signed rows");
                                }
                                expected = hashV2(seq, entry, digest, prevHash, Optional.empty());
                            } else {
                                seenKeyed = true;
                                if (keys.isEmpty() || !keys.get().keyIds().contains(keyId)) {
                                    return AuditVerification.tampered(
                                            checked,
                                            seq,
                                            "row " + seq + " is signed with audit key '" + keyId
                                                    + "', which the keyring does not hold");
                                }
                                expected = hashV2(seq, entry, digest, prevHash, Optional.of(keyId));
                            }
                        }
                        if (!AuditKeyring.sameMac(expected, rowHash)) {
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
            java.util.EnumSet<AuditVerification.Guarantee> g =
                    java.util.EnumSet.of(AuditVerification.Guarantee.HASH_CHAIN);
            if (keys.isPresent()) {
                if (expectedHead.mac().isEmpty() || expectedHead.keyId().isEmpty()) {
                    return AuditVerification.tampered(
                            checked,
                            Math.max(1, last),
                            "the chain head is not signed although an audit key is configured");
                }
                Optional<String> headMac = keys.get().mac(expectedHead.keyId().get(), headText(last, previous));
                if (headMac.isEmpty()
                        || !AuditKeyring.sameMac(
                                headMac.get(), expectedHead.mac().get())) {
                    return AuditVerification.tampered(
                            checked,
                            Math.max(1, last),
                            "the chain head's signature does not match (the head was rewound or rewritten)");
                }
                g.add(AuditVerification.Guarantee.KEYED);
            }
            return AuditVerification.intact(checked, g, redacted);
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
                    "INSERT INTO " + table + " (seq, occurred_at, actor, action, conversation_id, channel_id,"
                            + " detail, prev_hash, row_hash, detail_digest, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Optional<String> keyId = keys.map(AuditKeyring::currentKeyId);
                for (AuditEntry e : entries) {
                    seq++;
                    String digest = digest(e.detail());
                    String hash = hashV2(seq, e, digest, previous, keyId);
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
                            .text("detail_digest", digest)
                            .text("key_id", keyId)
                            .bind(ps, 1, dialect);
                    ps.addBatch();
                    previous = hash;
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE " + head + " SET last_seq = ?, last_hash = ?, head_mac = ?, key_id = ? WHERE id = 1")) {
                ps.setLong(1, seq);
                ps.setString(2, previous);
                Optional<String> keyId = keys.map(AuditKeyring::currentKeyId);
                String text = headText(seq, previous);
                Optional<String> mac = keyId.flatMap(k -> keys.get().mac(k, text));
                ps.setString(3, mac.orElse(null));
                ps.setString(4, keyId.orElse(null));
                ps.executeUpdate();
            }
            entries.clear();
        }
    }

    private record StoredHead(long seq, String hash, Optional<String> mac, Optional<String> keyId) {}

    private StoredHead readStoredHead(Connection c) throws SQLException {
        String sql = "SELECT last_seq, last_hash, head_mac, key_id FROM " + head + " WHERE id = 1";
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException(
                        "the audit chain head row is missing from " + head + "; the schema script inserts it");
            }
            return new StoredHead(
                    rs.getLong(1),
                    rs.getString(2),
                    Optional.ofNullable(rs.getString(3)),
                    Optional.ofNullable(rs.getString(4)));
        }
    }

    private static String headText(long seq, String hash) {
        return "care-audit-head-v1\n" + seq + "\n" + hash;
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

    /** SHA-256 (hex) of a detail: what chain v2 hashes, so a detail redacted by design still verifies. */
    static String digest(String detail) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(detail.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }

    /**
     * Chain v2: the fields of {@link #hash} with the detail's digest in place of the detail, under HMAC-SHA256
     * with the named key, or plain SHA-256 when unkeyed.
     */
    private String hashV2(long seq, AuditEntry e, String detailDigest, String previousHash, Optional<String> keyId) {
        String material = materialV2(seq, e, detailDigest, previousHash, keyId);
        if (keyId.isPresent()) {
            return keys.orElseThrow().mac(keyId.get(), material).orElseThrow();
        }
        return sha256(material);
    }

    /** The unkeyed chain v2 hash of a row (what a row written without an audit key holds). */
    static String hashV2(long seq, AuditEntry e, String detailDigest, String previousHash) {
        return sha256(materialV2(seq, e, detailDigest, previousHash, Optional.empty()));
    }

    private static String materialV2(
            long seq, AuditEntry e, String detailDigest, String previousHash, Optional<String> keyId) {
        StringBuilder s = new StringBuilder(256);
        s.append("care-audit-v2\n").append(seq).append('\n');
        field(s, Optional.of(Row.stored(e.at()).toString()));
        field(s, Optional.of(e.actor()));
        field(s, Optional.of(e.action().name()));
        field(s, e.conversation().map(ConversationId::value));
        field(s, e.channel().map(ChannelId::value));
        field(s, Optional.of(detailDigest));
        field(s, keyId);
        s.append(previousHash);
        return s.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
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
