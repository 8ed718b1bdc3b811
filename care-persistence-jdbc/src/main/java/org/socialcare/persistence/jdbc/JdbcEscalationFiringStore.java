package org.socialcare.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.escalation.EscalationFiring;
import org.socialcare.core.port.out.EscalationFiringStore;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;

/**
 * {@link EscalationFiringStore} over one table, unique on (conversation, rule, episode). {@link #fire} reads
 * the pair's newest episode and inserts the next one with the dialect's insert-ignore, so when several desks fire
 * the same rule at once the unique key lets exactly one record it (the others wait for its transaction and get
 * empty). Only a pair's newest episode can be open. Actions are stored length-prefixed in one column, so any
 * action text survives. Instants are kept at microsecond precision.
 *
 * <p>Thread-safe; joins the current transaction. Hand it to the desk with
 * {@code CareDesk.builder().escalationFirings(jdbcStorage.escalationFirings())}.
 */
public final class JdbcEscalationFiringStore implements EscalationFiringStore {
    private static final List<String> KEY = List.of("conversation_id", "rule_id", "episode");

    private final JdbcTransactionManager tx;
    private final SqlDialect dialect;
    private final String table;

    JdbcEscalationFiringStore(JdbcTransactionManager tx, SqlDialect dialect, Tables tables) {
        this.tx = tx;
        this.dialect = dialect;
        this.table = tables.escalationFiring();
    }

    @Override
    public Optional<EscalationFiring> fire(
            ConversationId conversation, String ruleId, Instant at, String reason, List<String> actions) {
        Checks.notNull(conversation, "conversation");
        Checks.notBlank(ruleId, "ruleId");
        Checks.notNull(at, "at");
        Checks.notBlank(reason, "reason");
        Checks.notNull(actions, "actions");
        return tx.call("record a firing of rule " + ruleId + " on conversation " + conversation, c -> {
            Optional<EscalationFiring> newest = first(list(
                    c,
                    dialect.limit("SELECT * FROM " + table
                            + " WHERE conversation_id = ? AND rule_id = ? ORDER BY episode DESC"),
                    conversation.value(),
                    ruleId,
                    1));
            if (newest.filter(EscalationFiring::isOpen).isPresent()) {
                return Optional.<EscalationFiring>empty();
            }
            EscalationFiring firing = new EscalationFiring(
                    conversation,
                    ruleId,
                    newest.map(f -> f.episode() + 1).orElse(1),
                    Row.stored(at),
                    reason,
                    actions,
                    Optional.empty());
            Row row = Row.of()
                    .text("conversation_id", conversation.value())
                    .text("rule_id", ruleId)
                    .integer("episode", firing.episode())
                    .instant("fired_at", firing.firedAt())
                    .text("reason", reason)
                    .text("actions", encode(actions))
                    .instant("ended_at", Optional.empty());
            try (PreparedStatement ps = c.prepareStatement(dialect.insertIgnore(table, row.columns(), KEY))) {
                row.bind(ps, 1, dialect);
                return dialect.executeInsertIgnore(ps) ? Optional.of(firing) : Optional.<EscalationFiring>empty();
            }
        });
    }

    @Override
    public boolean endEpisode(ConversationId conversation, String ruleId, Instant at) {
        Checks.notNull(conversation, "conversation");
        Checks.notNull(ruleId, "ruleId");
        Checks.notNull(at, "at");
        return tx.call("end the episode of rule " + ruleId + " on conversation " + conversation, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET ended_at = ?"
                    + " WHERE conversation_id = ? AND rule_id = ? AND ended_at IS NULL")) {
                dialect.setInstant(ps, 1, Row.stored(at));
                ps.setString(2, conversation.value());
                ps.setString(3, ruleId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<EscalationFiring> open(ConversationId conversation) {
        Checks.notNull(conversation, "conversation");
        return tx.call(
                "list the open firings of conversation " + conversation,
                c -> list(
                        c,
                        "SELECT * FROM " + table + " WHERE conversation_id = ? AND ended_at IS NULL ORDER BY seq",
                        conversation.value()));
    }

    @Override
    public List<EscalationFiring> history(ConversationId conversation) {
        Checks.notNull(conversation, "conversation");
        return tx.call(
                "list the firings of conversation " + conversation,
                c -> list(
                        c, "SELECT * FROM " + table + " WHERE conversation_id = ? ORDER BY seq", conversation.value()));
    }

    /** Each action as {@code <length>:<text>}, so no separator can be confused with action text. */
    static String encode(List<String> actions) {
        StringBuilder s = new StringBuilder();
        for (String a : actions) {
            Checks.notNull(a, "action");
            s.append(a.length()).append(':').append(a);
        }
        return s.toString();
    }

    static List<String> decode(String stored) throws SQLException {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < stored.length()) {
            int colon = stored.indexOf(':', i);
            if (colon < 0) {
                throw new SQLException("malformed actions column: '" + stored + "'");
            }
            int length;
            try {
                length = Integer.parseInt(stored.substring(i, colon));
            } catch (NumberFormatException e) {
                throw new SQLException("malformed actions column: '" + stored + "'", e);
            }
            if (length < 0 || colon + 1 + length > stored.length()) {
                throw new SQLException("malformed actions column: '" + stored + "'");
            }
            out.add(stored.substring(colon + 1, colon + 1 + length));
            i = colon + 1 + length;
        }
        return out;
    }

    private static Optional<EscalationFiring> first(List<EscalationFiring> found) {
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<EscalationFiring> list(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Params.bind(ps, dialect, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<EscalationFiring> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new EscalationFiring(
                            ConversationId.of(rs.getString("conversation_id")),
                            rs.getString("rule_id"),
                            rs.getInt("episode"),
                            Row.instant(rs, "fired_at", dialect),
                            rs.getString("reason"),
                            decode(rs.getString("actions")),
                            Row.optInstant(rs, "ended_at", dialect)));
                }
                return List.copyOf(out);
            }
        }
    }
}
