package org.socialcare.persistence.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                row.bind(ps, 1, dialect);
                return dialect.executeInsertIgnore(ps);
            }
        });
    }

    @Override
    public Optional<StoredMessage> find(MessageKey key) {
        Checks.notNull(key, "key");
        String sql = "SELECT * FROM " + table + " WHERE platform = ? AND message_id = ?";
        return tx.call("find message " + key, c -> {
            List<StoredMessage> found =
                    list(c.prepareStatement(sql), key.platform().name(), key.messageId());
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    @Override
    public List<StoredMessage> listByConversation(ConversationId conversation) {
        Checks.notNull(conversation, "conversation");
        String sql = "SELECT * FROM " + table + " WHERE conversation_id = ? ORDER BY created_at, seq";
        return tx.call(
                "list the messages of conversation " + conversation,
                c -> list(c.prepareStatement(sql), conversation.value()));
    }

    private List<StoredMessage> list(PreparedStatement statement, Object... params) throws SQLException {
        try (PreparedStatement ps = statement) {
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
