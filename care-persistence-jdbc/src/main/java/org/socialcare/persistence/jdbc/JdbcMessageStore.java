package org.socialcare.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Direction;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.port.out.MessageStore;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;

/**
 * {@link MessageStore} over one table with a unique key on (platform, message_id). {@link #insertIfAbsent}
 * uses the dialect's insert-ignore form, so a message delivered twice, or by two nodes at once, is stored once:
 * the second insert waits for the first transaction and then stores nothing. Inside a transaction, messages whose
 * keys that transaction looked up with {@link #existing} and found absent are written behind as one batch (the
 * desk's ingest: one statement for a batch's messages instead of one each). Thread-safe; joins the current
 * transaction.
 */
public final class JdbcMessageStore implements MessageStore {
    private static final List<String> KEY = List.of("platform", "message_id");
    /** Keys per dedupe query: well under every database's parameter limit. */
    static final int IN_LIST = 500;

    private final JdbcTransactionManager tx;
    private final WriteBehind<PendingMessages> writeBehind;
    private final SqlDialect dialect;
    private final String table;

    JdbcMessageStore(JdbcTransactionManager tx, SqlDialect dialect, Tables tables) {
        this.tx = tx;
        this.writeBehind = new WriteBehind<>(tx, PendingMessages::new);
        this.dialect = dialect;
        this.table = tables.message();
    }

    /**
     * Inside a transaction, a message whose key {@link #existing} found absent earlier in the same transaction is
     * written behind (see {@link PendingMessages}); any other key is inserted at once with the dialect's
     * insert-ignore form.
     */
    @Override
    public boolean insertIfAbsent(StoredMessage m) {
        Checks.notNull(m, "message");
        Row row = row(m);
        if (tx.isActive()) {
            PendingMessages pending = pending();
            if (pending.keys.contains(m.key())) {
                return false; // written behind earlier in this transaction
            }
            if (pending.absent.remove(m.key())) {
                pending.keys.add(m.key());
                pending.order.add(m.key());
                pending.rows.add(row);
                return true;
            }
        }
        String sql = dialect.insertIgnore(table, row.columns(), KEY);
        return call("store message " + m.key(), c -> {
            PreparedStatement ps = tx.statement(c, sql);
            row.bind(ps, 1, dialect);
            return dialect.executeInsertIgnore(ps);
        });
    }

    private static Row row(StoredMessage m) {
        return Row.of()
                .text("platform", m.key().platform().name())
                .text("message_id", m.key().messageId())
                .text("conversation_id", m.conversation().value())
                .text("channel_id", m.channel().value())
                .text("direction", m.direction().name())
                .text("author_id", m.authorId())
                .text("author_handle", m.authorHandle())
                .text("body", m.text())
                .text("visibility", m.visibility().name())
                .text("in_reply_to", m.inReplyTo())
                .instant("created_at", m.createdAt());
    }

    @Override
    public Optional<StoredMessage> find(MessageKey key) {
        Checks.notNull(key, "key");
        String sql = "SELECT * FROM " + table + " WHERE platform = ? AND message_id = ?";
        return read("find message " + key, c -> {
            List<StoredMessage> found =
                    list(tx.statement(c, sql), key.platform().name(), key.messageId());
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    /** One query per platform and {@value #IN_LIST} keys (usually one for a batch), on the unique key's index. */
    @Override
    public Set<MessageKey> existing(Collection<MessageKey> keys) {
        Checks.notNull(keys, "keys");
        Map<Platform, List<String>> byPlatform = new TreeMap<>(Comparator.comparing(Platform::name));
        for (MessageKey key : keys) {
            byPlatform.computeIfAbsent(key.platform(), p -> new ArrayList<>()).add(key.messageId());
        }
        if (byPlatform.isEmpty()) {
            return Set.of();
        }
        return read("look up " + keys.size() + " message keys", c -> {
            Set<MessageKey> found = new HashSet<>();
            for (Map.Entry<Platform, List<String>> e : byPlatform.entrySet()) {
                List<String> ids = e.getValue();
                for (int from = 0; from < ids.size(); from += IN_LIST) {
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
                    // H2 uses an IN list only on an index's first column, PostgreSQL rechecks row values against
                    // the whole list: each dialect says how it looks the pairs up in the unique key's index
                    String sql = "SELECT message_id FROM " + table + " WHERE "
                            + dialect.pairIn("platform", "message_id", chunk.size());
                    PreparedStatement ps = tx.statement(c, sql);
                    dialect.bindPairIn(ps, 1, e.getKey().name(), chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(MessageKey.of(e.getKey(), rs.getString(1)));
                        }
                    }
                }
            }
            if (tx.isActive()) {
                // what this transaction found absent it may write behind (insertIfAbsent)
                for (MessageKey key : keys) {
                    if (!found.contains(key)) {
                        pending().absent.add(key);
                    }
                }
            }
            return found;
        });
    }

    @Override
    public List<StoredMessage> listByConversation(ConversationId conversation) {
        Checks.notNull(conversation, "conversation");
        String sql = "SELECT * FROM " + table + " WHERE conversation_id = ? ORDER BY created_at, seq";
        return read(
                "list the messages of conversation " + conversation,
                c -> list(tx.statement(c, sql), conversation.value()));
    }

    // ------------------------------------------------------------ write-behind of new messages

    private <T> T call(String operation, SqlWork<T> work) {
        return writeBehind.call(operation, work);
    }

    private <T> T read(String operation, SqlWork<T> work) {
        return writeBehind.read(operation, work);
    }

    private PendingMessages pending() {
        return writeBehind.pending();
    }

    /**
     * Messages stored inside a transaction whose keys the same transaction looked up and found absent: inserted as
     * one {@code executeBatch} just before the next statement this store runs in that transaction, or before it
     * commits, in the order they were stored (so {@code seq} keeps that order). The desk looks keys up after it has
     * locked the messages' customers, so no other desk stores them meanwhile; if one did anyway (the same message
     * on two channels at once), the plain {@code INSERT} fails the batch and the transaction rolls back whole:
     * nothing is half-stored, and the batch read again finds the message stored.
     */
    private final class PendingMessages implements WriteBehind.Pending {
        final Set<MessageKey> absent = new HashSet<>();
        final Set<MessageKey> keys = new HashSet<>();
        final List<MessageKey> order = new ArrayList<>();
        final List<Row> rows = new ArrayList<>();

        @Override
        public void flush(Connection c) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            List<Row> sending = new ArrayList<>(rows);
            List<MessageKey> sendingKeys = new ArrayList<>(order);
            rows.clear();
            keys.clear();
            order.clear();
            try {
                WriteBehind.insertBatch(tx, dialect, c, table, sending);
            } catch (SQLException e) {
                // the server's own error, not the driver's batch summary (which may quote the bound values)
                SQLException cause = e.getNextException() == null ? e : e.getNextException();
                if (dialect.isDuplicateKey(e) || dialect.isDuplicateKey(cause)) {
                    throw new SQLException(
                            "another desk stored one of " + describe(sendingKeys)
                                    + " meanwhile; the transaction is rolled back whole",
                            cause.getSQLState(),
                            cause.getErrorCode(),
                            e);
                }
                throw new SQLException(
                        "could not store " + describe(sendingKeys) + ": " + cause.getMessage(),
                        cause.getSQLState(),
                        cause.getErrorCode(),
                        e);
            }
        }
    }

    /** "messages twitter:1, twitter:2, twitter:3 and 7 more". */
    private static String describe(List<MessageKey> keys) {
        int shown = Math.min(3, keys.size());
        StringBuilder out = new StringBuilder(keys.size() == 1 ? "message " : "messages ");
        for (int i = 0; i < shown; i++) {
            out.append(i == 0 ? "" : ", ").append(keys.get(i));
        }
        if (keys.size() > shown) {
            out.append(" and ").append(keys.size() - shown).append(" more");
        }
        return out.toString();
    }

    private List<StoredMessage> list(PreparedStatement ps, Object... params) throws SQLException {
        {
            Params.bind(ps, dialect, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<StoredMessage> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new StoredMessage(
                            MessageKey.of(new Platform(rs.getString("platform")), rs.getString("message_id")),
                            ConversationId.of(rs.getString("conversation_id")),
                            ChannelId.of(rs.getString("channel_id")),
                            Direction.valueOf(rs.getString("direction")),
                            rs.getString("author_id"),
                            rs.getString("author_handle"),
                            rs.getString("body"),
                            Visibility.valueOf(rs.getString("visibility")),
                            Row.optText(rs, "in_reply_to"),
                            Row.instant(rs, "created_at", dialect)));
                }
                return List.copyOf(out);
            }
        }
    }
}
