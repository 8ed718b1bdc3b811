package org.socialcare.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelState;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.port.out.ChannelStateStore;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;

/**
 * {@link ChannelStateStore} over one table keyed by channel id, one row per channel holding its latest change;
 * {@link #pause} and {@link #resume} are the dialect's upsert, so a pause commits or rolls back with the audit line
 * written in the same transaction, and every desk on the database reads it. Instants are kept at microsecond
 * precision.
 *
 * <p>Thread-safe; joins the current transaction. Hand it to the desk with
 * {@code CareDesk.builder().channelStates(jdbcStorage.channelStates())}.
 */
public final class JdbcChannelStateStore implements ChannelStateStore {
    private final JdbcTransactionManager tx;
    private final SqlDialect dialect;
    private final String table;

    JdbcChannelStateStore(JdbcTransactionManager tx, SqlDialect dialect, Tables tables) {
        this.tx = tx;
        this.dialect = dialect;
        this.table = tables.channelState();
    }

    @Override
    public void pause(ChannelId channel, String reason, String actor, Instant at) {
        Checks.notNull(channel, "channel");
        Checks.notBlank(reason, "reason");
        write(
                new Recorded(channel, ChannelState.PAUSED, Optional.of(reason), actor, Checks.notNull(at, "at")),
                "pause");
    }

    @Override
    public void resume(ChannelId channel, String actor, Instant at) {
        Checks.notNull(channel, "channel");
        write(new Recorded(channel, ChannelState.ACTIVE, Optional.empty(), actor, Checks.notNull(at, "at")), "resume");
    }

    private void write(Recorded r, String what) {
        Row row = Row.of()
                .text("channel_id", r.channel().value())
                .bool("paused", r.isPaused())
                .text("reason", r.reason())
                .text("actor", r.actor())
                .instant("changed_at", r.changedAt());
        String sql = dialect.upsert(table, row.columns(), List.of("channel_id"));
        tx.call("record the " + what + " of channel " + r.channel(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                row.bind(ps, 1, dialect);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Recorded> state(ChannelId channel) {
        Checks.notNull(channel, "channel");
        return tx.call("read the state of channel " + channel, c -> {
            List<Recorded> found = list(c, "SELECT * FROM " + table + " WHERE channel_id = ?", channel.value());
            return found.isEmpty() ? Optional.<Recorded>empty() : Optional.of(found.get(0));
        });
    }

    @Override
    public List<Recorded> paused() {
        return tx.call(
                "list the paused channels",
                c -> list(c, "SELECT * FROM " + table + " WHERE paused = ? ORDER BY channel_id", true));
    }

    private List<Recorded> list(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Params.bind(ps, dialect, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<Recorded> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Recorded(
                            ChannelId.of(rs.getString("channel_id")),
                            rs.getBoolean("paused") ? ChannelState.PAUSED : ChannelState.ACTIVE,
                            Row.optText(rs, "reason"),
                            rs.getString("actor"),
                            Row.instant(rs, "changed_at", dialect)));
                }
                return List.copyOf(out);
            }
        }
    }
}
