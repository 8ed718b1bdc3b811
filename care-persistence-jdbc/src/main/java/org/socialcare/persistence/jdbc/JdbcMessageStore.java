package org.socialcare.persistence.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
 * the second insert waits for the first transaction and then stores nothing. Thread-safe; joins the current
 * transaction.
 */
public final class JdbcMessageStore implements MessageStore {
    private static final List<String> KEY = List.of("platform", "message_id");
    /** Keys per dedupe query: well under every database's parameter limit. */
    static final int IN_LIST = 500;

    private final JdbcTransactionManager tx;
    private final SqlDialect dialect;
    private final String table;

    JdbcMessageStore(JdbcTransactionManager tx, SqlDialect dialect, Tables tables) {
        this.tx = tx;
        this.dialect = dialect;
        this.table = tables.message();
    }

    @Override
    public boolean insertIfAbsent(StoredMessage m) {
        Checks.notNull(m, "message");
        Row row = Row.of()
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
        String sql = dialect.insertIgnore(table, row.columns(), KEY);
        return tx.call("store message " + m.key(), c -> {
            PreparedStatement ps = tx.statement(c, sql);
            row.bind(ps, 1, dialect);
            return dialect.executeInsertIgnore(ps);
        });
    }

    @Override
    public Optional<StoredMessage> find(MessageKey key) {
        Checks.notNull(key, "key");
        String sql = "SELECT * FROM " + table + " WHERE platform = ? AND message_id = ?";
        return tx.read("find message " + key, c -> {
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
        return tx.read("look up " + keys.size() + " message keys", c -> {
            Set<MessageKey> found = new HashSet<>();
            for (Map.Entry<Platform, List<String>> e : byPlatform.entrySet()) {
                List<String> ids = e.getValue();
                for (int from = 0; from < ids.size(); from += IN_LIST) {
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
                    // row values, not "platform = ? AND message_id IN (...)": H2 uses an IN list only on the
                    // first column of an index, so that form scanned every stored message of the platform
                    String sql = "SELECT message_id FROM " + table + " WHERE (platform, message_id) IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)")) + ")";
                    PreparedStatement ps = tx.statement(c, sql);
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(2 * i + 1, e.getKey().name());
                        ps.setString(2 * i + 2, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(MessageKey.of(e.getKey(), rs.getString(1)));
                        }
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
        return tx.read(
                "list the messages of conversation " + conversation,
                c -> list(tx.statement(c, sql), conversation.value()));
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
