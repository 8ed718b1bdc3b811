package org.socialcare.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.port.out.Outbox;
import org.socialcare.core.port.out.OutboxClaim;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;

/**
 * {@link Outbox} over one table. Status columns: {@code status} (QUEUED, SENT, FAILED), {@code attempts},
 * and per status {@code next_attempt_at}/{@code last_error}, {@code platform_message_id}/{@code sent_at} or
 * {@code failure_reason}/{@code failed_at}; {@code lease_until} holds a claim and {@code claim_token} fences it:
 * every claim and every unfenced {@link #update} adds one, and {@link #updateClaimed} is a conditional
 * {@code UPDATE ... WHERE id = ? AND claim_token = ?} (schema V2).
 *
 * <p>{@link #claimDue} never hands one entry to two callers, across threads and nodes: with a dialect that
 * has SKIP LOCKED it reads the due rows {@code FOR UPDATE SKIP LOCKED} and sets their lease in the same
 * transaction (rows another node is claiming are skipped, not waited for); otherwise it reads candidates and
 * claims each with a conditional {@code UPDATE ... WHERE lease is free}, which the database re-checks after
 * any concurrent claim commits. Lists are oldest first by creation time, then enqueue order. Thread-safe;
 * joins the current transaction.
 */
public final class JdbcOutbox implements Outbox {
    private static final String QUEUED = "QUEUED";

    private final JdbcTransactionManager tx;
    private final SqlDialect dialect;
    private final String table;

    JdbcOutbox(JdbcTransactionManager tx, SqlDialect dialect, Tables tables) {
        this.tx = tx;
        this.dialect = dialect;
        this.table = tables.outbox();
    }

    @Override
    public void enqueue(Reply reply) {
        Checks.notNull(reply, "reply");
        Row row = replyRow(reply);
        String sql = dialect.insertIgnore(table, row.columns(), List.of("id"));
        boolean stored = tx.call("enqueue reply " + reply.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                row.bind(ps, 1, dialect);
                return dialect.executeInsertIgnore(ps);
            }
        });
        if (!stored) {
            throw new IllegalArgumentException("outbox already holds an entry with id " + reply.id());
        }
    }

    @Override
    public List<OutboxClaim> claim(Instant now, int limit, Duration lease) {
        Checks.notNull(now, "now");
        Checks.notNegative(limit, "limit");
        Checks.positive(lease, "lease");
        if (limit == 0) {
            return List.of();
        }
        Instant until = now.plus(lease);
        String due = "SELECT * FROM " + table + " WHERE status = '" + QUEUED + "' AND next_attempt_at <= ?"
                + " AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_attempt_at, seq";
        return tx.call(
                "claim due outbox entries",
                c -> dialect.supportsSkipLocked()
                        ? claimSkippingLocked(c, dialect.forUpdateSkipLocked(dialect.limit(due)), now, limit, until)
                        : claimConditionally(c, dialect.limit(due), now, limit, until));
    }

    private List<OutboxClaim> claimSkippingLocked(Connection c, String sql, Instant now, int limit, Instant until)
            throws SQLException {
        List<OutboxClaim> rows = listClaims(c, sql, now, now, limit);
        List<OutboxClaim> claimed = new ArrayList<>();
        if (!rows.isEmpty()) {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE " + table + " SET lease_until = ?, claim_token = ? WHERE id = ?")) {
                for (OutboxClaim r : rows) {
                    dialect.setInstant(ps, 1, Row.stored(until));
                    ps.setLong(2, r.token() + 1); // the row is locked: nobody else moves its token meanwhile
                    ps.setString(3, r.reply().id().value());
                    ps.addBatch();
                    claimed.add(new OutboxClaim(r.reply(), r.token() + 1));
                }
                ps.executeBatch();
            }
        }
        return List.copyOf(claimed);
    }

    private List<OutboxClaim> claimConditionally(Connection c, String sql, Instant now, int limit, Instant until)
            throws SQLException {
        List<OutboxClaim> candidates = listClaims(c, sql, now, now, limit);
        List<OutboxClaim> claimed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                + " SET lease_until = ?, claim_token = claim_token + 1 WHERE id = ? AND claim_token = ? AND status = '"
                + QUEUED + "' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)")) {
            for (OutboxClaim r : candidates) {
                dialect.setInstant(ps, 1, Row.stored(until));
                ps.setString(2, r.reply().id().value());
                ps.setLong(3, r.token());
                dialect.setInstant(ps, 4, Row.stored(now));
                dialect.setInstant(ps, 5, Row.stored(now));
                if (ps.executeUpdate() == 1) {
                    claimed.add(new OutboxClaim(r.reply(), r.token() + 1));
                }
            }
        }
        return List.copyOf(claimed);
    }

    @Override
    public void update(Reply reply) {
        Checks.notNull(reply, "reply");
        Row row = Row.of();
        status(row, reply.status());
        row.instant("lease_until", (Instant) null);
        String sql = row.update(table, "id = ?").replace(" WHERE ", ", claim_token = claim_token + 1 WHERE ");
        int updated = tx.call("update outbox entry " + reply.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int next = row.bind(ps, 1, dialect);
                ps.setString(next, reply.id().value());
                return ps.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new IllegalArgumentException("no outbox entry with id " + reply.id());
        }
    }

    @Override
    public boolean updateClaimed(OutboxClaim claim, Reply reply, Optional<Instant> leaseUntil) {
        Checks.notNull(claim, "claim");
        Checks.notNull(reply, "reply");
        Checks.notNull(leaseUntil, "leaseUntil");
        if (!claim.reply().id().equals(reply.id())) {
            throw new IllegalArgumentException(
                    "claim of entry " + claim.reply().id() + " cannot write entry " + reply.id());
        }
        Row row = Row.of();
        status(row, reply.status());
        row.instant("lease_until", leaseUntil.orElse(null));
        String sql = row.update(table, "id = ? AND claim_token = ?");
        int updated = tx.call("update claimed outbox entry " + reply.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int next = row.bind(ps, 1, dialect);
                ps.setString(next, reply.id().value());
                ps.setLong(next + 1, claim.token());
                return ps.executeUpdate();
            }
        });
        if (updated == 0 && find(reply.id()).isEmpty()) {
            throw new IllegalArgumentException("no outbox entry with id " + reply.id());
        }
        return updated == 1;
    }

    @Override
    public Optional<Reply> find(ReplyId id) {
        Checks.notNull(id, "id");
        return tx.call(
                "find outbox entry " + id, c -> first(list(c, "SELECT * FROM " + table + " WHERE id = ?", id.value())));
    }

    @Override
    public List<Reply> findByConversation(ConversationId conversation) {
        Checks.notNull(conversation, "conversation");
        return tx.call(
                "list the outbox entries of conversation " + conversation,
                c -> list(
                        c,
                        "SELECT * FROM " + table + " WHERE conversation_id = ? ORDER BY created_at, seq",
                        conversation.value()));
    }

    @Override
    public Optional<Reply> findByPlatformMessageId(ChannelId channel, String platformMessageId) {
        Checks.notNull(channel, "channel");
        Checks.notNull(platformMessageId, "platformMessageId");
        String sql = dialect.limit(
                "SELECT * FROM " + table + " WHERE channel_id = ? AND platform_message_id = ? ORDER BY seq");
        return tx.call(
                "find the outbox entry of platform message " + platformMessageId,
                c -> first(list(c, sql, channel.value(), platformMessageId, 1)));
    }

    /**
     * Counted by the database over the channel index ({@code channel_id, status, seq}): FAILED entries from the index
     * alone, QUEUED ones (few) with a look at their {@code last_error}.
     */
    @Override
    public Counts count(ChannelId channel) {
        Checks.notNull(channel, "channel");
        String queued = "SELECT COUNT(*), COUNT(last_error) FROM " + table + " WHERE channel_id = ? AND status = '"
                + QUEUED + "'";
        String failed = "SELECT COUNT(*) FROM " + table + " WHERE channel_id = ? AND status = 'FAILED'";
        return tx.call("count the outbox entries of channel " + channel, c -> {
            long all;
            long held;
            try (PreparedStatement ps = c.prepareStatement(queued)) {
                Params.bind(ps, dialect, channel.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    all = rs.getLong(1);
                    held = rs.getLong(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(failed)) {
                Params.bind(ps, dialect, channel.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Counts(all - held, held, rs.getLong(1));
                }
            }
        });
    }

    @Override
    public List<Reply> queued(ChannelId channel) {
        Checks.notNull(channel, "channel");
        return tx.call(
                "list queued outbox entries of channel " + channel,
                c -> list(
                        c,
                        "SELECT * FROM " + table + " WHERE channel_id = ? AND status = '" + QUEUED
                                + "' ORDER BY created_at, seq",
                        channel.value()));
    }

    @Override
    public List<Reply> failed(Optional<ReplyId> after, int limit) {
        Checks.notNull(after, "after");
        Checks.positive(limit, "limit");
        // the cursor is the entry's seq; an id that is not here reads as no cursor (from the first)
        return tx.call("list failed outbox entries", c -> {
            long from = -1;
            if (after.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM " + table + " WHERE id = ?")) {
                    ps.setString(1, after.get().value());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            from = rs.getLong(1);
                        }
                    }
                }
            }
            return list(
                    c,
                    dialect.limit("SELECT * FROM " + table + " WHERE status = 'FAILED' AND seq > ? ORDER BY seq"),
                    from,
                    limit);
        });
    }

    /** One row: the oldest QUEUED entry of the channel (the outbox lag a runtime reports). */
    @Override
    public Optional<Reply> oldestQueued(ChannelId channel) {
        Checks.notNull(channel, "channel");
        return tx.call("read the oldest queued outbox entry of channel " + channel, c -> list(
                        c,
                        dialect.limit("SELECT * FROM " + table + " WHERE channel_id = ? AND status = '" + QUEUED
                                + "' ORDER BY created_at, seq"),
                        channel.value(),
                        1)
                .stream()
                .findFirst());
    }

    // ------------------------------------------------------------ mapping (shared with JdbcApprovalGateway)

    /** The columns of {@code reply} and its status, as the outbox (and the approval table) store them. */
    static Row replyRow(Reply reply) {
        Row row = Row.of()
                .text("id", reply.id().value())
                .text("conversation_id", reply.conversation().value())
                .text("channel_id", reply.channel().value())
                .text("kind", reply.kind().name())
                .text("target", reply.target())
                .text("recipient", reply.recipient())
                .text("body", reply.text())
                .text("author_id", reply.author().map(AgentId::value))
                .instant("created_at", reply.createdAt());
        status(row, reply.status());
        return row;
    }

    private static void status(Row row, DeliveryStatus status) {
        row.text("status", status.name());
        if (status instanceof DeliveryStatus.Queued q) {
            row.integer("attempts", q.attempts())
                    .instant("next_attempt_at", q.nextAttemptAt())
                    .text("last_error", q.lastError());
            clearSent(row);
            clearFailed(row);
        } else if (status instanceof DeliveryStatus.Sent s) {
            row.integer("attempts", s.attempts());
            clearQueued(row);
            row.text("platform_message_id", s.platformMessageId()).instant("sent_at", s.sentAt());
            clearFailed(row);
        } else {
            DeliveryStatus.Failed f = (DeliveryStatus.Failed) status;
            row.integer("attempts", f.attempts());
            clearQueued(row);
            clearSent(row);
            row.text("failure_reason", f.reason()).instant("failed_at", f.failedAt());
        }
    }

    private static void clearQueued(Row row) {
        row.instant("next_attempt_at", (Instant) null).text("last_error", Optional.empty());
    }

    private static void clearSent(Row row) {
        row.text("platform_message_id", Optional.empty()).instant("sent_at", (Instant) null);
    }

    private static void clearFailed(Row row) {
        row.text("failure_reason", Optional.empty()).instant("failed_at", (Instant) null);
    }

    private static Optional<Reply> first(List<Reply> found) {
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Reply> list(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Params.bind(ps, dialect, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<Reply> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return List.copyOf(out);
            }
        }
    }

    private List<OutboxClaim> listClaims(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Params.bind(ps, dialect, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<OutboxClaim> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new OutboxClaim(read(rs), rs.getLong("claim_token")));
                }
                return List.copyOf(out);
            }
        }
    }

    private Reply read(ResultSet rs) throws SQLException {
        return readReply(rs, dialect);
    }

    /** The reply in the current row, written by {@link #replyRow}. */
    static Reply readReply(ResultSet rs, SqlDialect dialect) throws SQLException {
        int attempts = rs.getInt("attempts");
        String status = rs.getString("status");
        DeliveryStatus s =
                switch (status) {
                    case QUEUED ->
                        new DeliveryStatus.Queued(
                                attempts, Row.instant(rs, "next_attempt_at", dialect), Row.optText(rs, "last_error"));
                    case "SENT" ->
                        new DeliveryStatus.Sent(
                                Row.optText(rs, "platform_message_id"), Row.instant(rs, "sent_at", dialect), attempts);
                    case "FAILED" ->
                        new DeliveryStatus.Failed(
                                rs.getString("failure_reason"), Row.instant(rs, "failed_at", dialect), attempts);
                    default ->
                        throw new SQLException("unknown outbox status '" + status + "' in entry " + rs.getString("id"));
                };
        return new Reply(
                ReplyId.of(rs.getString("id")),
                ConversationId.of(rs.getString("conversation_id")),
                ChannelId.of(rs.getString("channel_id")),
                ReplyKind.valueOf(rs.getString("kind")),
                Row.optText(rs, "target"),
                Row.optText(rs, "recipient"),
                rs.getString("body"),
                Row.optText(rs, "author_id").map(AgentId::of),
                Row.instant(rs, "created_at", dialect),
                s);
    }
}
