package org.socialcare.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.error.ConcurrentUpdateException;
import org.socialcare.core.port.out.ConversationStore;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;

/**
 * {@link ConversationStore} over one table, one row per conversation with every field of {@link Conversation}
 * in its own column. Optimistic locking: an insert of version 0 that meets an existing id, or an update whose
 * {@code WHERE version = ?} matches nothing, throws {@link ConcurrentUpdateException} and writes nothing.
 * Instants are kept at microsecond precision; {@link #save} returns the conversation as stored.
 *
 * <p>{@code next_due_at} (the earlier of the response and resolution due instants) is indexed with the state,
 * so {@link #dueBy} costs what is due, not what is open. {@link #findLatestOfCustomer} inside a transaction
 * serializes transactions that thread the same customer (see there). Thread-safe; joins the current
 * transaction.
 */
public final class JdbcConversationStore implements ConversationStore {
    private static final String ACTIVE_STATES = Arrays.stream(ConversationState.values())
            .filter(ConversationState::isActive)
            .map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));
    private static final List<String> ACTIVE_STATE_NAMES = Arrays.stream(ConversationState.values())
            .filter(ConversationState::isActive)
            .map(ConversationState::name)
            .toList();
    private static final String QUEUE_ORDER = " ORDER BY priority_rank DESC,"
            + " CASE WHEN awaiting_response_since IS NULL THEN 1 ELSE 0 END, awaiting_response_since, opened_at, id";

    private final JdbcTransactionManager tx;
    private final WriteBehind<PendingInserts> writeBehind;
    private final SqlDialect dialect;
    private final String table;
    private final String customerLock;

    JdbcConversationStore(JdbcTransactionManager tx, SqlDialect dialect, Tables tables) {
        this.tx = tx;
        this.writeBehind = new WriteBehind<>(tx, PendingInserts::new);
        this.dialect = dialect;
        this.table = tables.conversation();
        this.customerLock = tables.customerLock();
    }

    @Override
    public Conversation save(Conversation conversation) {
        Checks.notNull(conversation, "conversation");
        long expected = conversation.version();
        Conversation stored = stored(conversation).withVersion(expected + 1);
        Row row = row(stored);
        if (expected == 0 && tx.isActive()) {
            // sent with the other new conversations of the transaction as one batch (see PendingInserts)
            return tx.call("save conversation " + conversation.id(), c -> {
                pending().rows.add(row);
                return stored;
            });
        }
        return call("save conversation " + conversation.id(), c -> {
            if (expected == 0) {
                PreparedStatement ps = tx.statement(c, dialect.insertIgnore(table, row.columns(), List.of("id")));
                row.bind(ps, 1, dialect);
                if (!dialect.executeInsertIgnore(ps)) {
                    throw new ConcurrentUpdateException(conversation.id(), expected);
                }
            } else {
                PreparedStatement ps = tx.statement(c, row.update(table, "id = ? AND version = ?"));
                int next = row.bind(ps, 1, dialect);
                ps.setString(next, conversation.id().value());
                ps.setLong(next + 1, expected);
                if (ps.executeUpdate() != 1) {
                    throw new ConcurrentUpdateException(conversation.id(), expected);
                }
            }
            return stored;
        });
    }

    @Override
    public Optional<Conversation> find(ConversationId id) {
        Checks.notNull(id, "id");
        return read("find conversation " + id, c -> first(c, "SELECT * FROM " + table + " WHERE id = ?", id.value()));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Inside a transaction this first locks the customer (a row of the customer lock table) until the
     * transaction ends, so transactions on any node that look up the same customer run one after the other and
     * each sees the conversation the previous one opened: two desks ingesting the same new customer at once do
     * not both open a conversation. Outside a transaction it only reads.
     */
    @Override
    public Optional<Conversation> findLatestOfCustomer(ChannelId channel, String customerPlatformUserId) {
        Checks.notNull(channel, "channel");
        Checks.notNull(customerPlatformUserId, "customerPlatformUserId");
        boolean lock = tx.isActive();
        String sql = dialect.limit("SELECT * FROM " + table + " WHERE channel_id = ? AND customer_id = ?"
                + " ORDER BY last_customer_message_at DESC, opened_at DESC, id DESC");
        SqlWork<Optional<Conversation>> work = c -> {
            if (lock) {
                lockCustomer(c, channel.value(), customerPlatformUserId);
            }
            return first(c, sql, channel.value(), customerPlatformUserId, 1);
        };
        return lock
                ? call("find the latest conversation of a customer", work)
                : read("find the latest conversation of a customer", work);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Inside a transaction this first locks every given customer as {@link #findLatestOfCustomer} does, in
     * ascending order and set-based: one locking read of the customers' lock rows, one batch creating the rows
     * of first-seen customers where the dialect can batch an insert-if-absent (then a locking read of those), and
     * one query for the latest conversations, per {@value JdbcMessageStore#IN_LIST} customers.
     */
    @Override
    public Map<String, Conversation> findLatestOfCustomers(
            ChannelId channel, Collection<String> customerPlatformUserIds) {
        Checks.notNull(channel, "channel");
        Checks.notNull(customerPlatformUserIds, "customerPlatformUserIds");
        List<String> customers = new ArrayList<>(new TreeSet<>(customerPlatformUserIds));
        if (customers.isEmpty()) {
            return Map.of();
        }
        boolean lock = tx.isActive();
        SqlWork<Map<String, Conversation>> work = c -> {
            Map<String, Conversation> latest = new HashMap<>();
            for (int from = 0; from < customers.size(); from += JdbcMessageStore.IN_LIST) {
                List<String> chunk =
                        customers.subList(from, Math.min(customers.size(), from + JdbcMessageStore.IN_LIST));
                if (lock) {
                    lockCustomers(c, channel.value(), chunk);
                }
                String sql = "SELECT * FROM (SELECT t.*, ROW_NUMBER() OVER (PARTITION BY customer_id"
                        + " ORDER BY last_customer_message_at DESC, opened_at DESC, id DESC) AS latest_rank FROM "
                        + table + " t WHERE customer_id IN (" + marks(chunk.size())
                        // the channel as an expression, not a column: the customer-led index (customer_id,
                        // opened_at) is then the one to use; H2 would otherwise range-scan the whole channel
                        + ") AND CONCAT(channel_id, '') = ?) ranked WHERE latest_rank = 1";
                Object[] params = new Object[chunk.size() + 1];
                for (int i = 0; i < chunk.size(); i++) {
                    params[i] = chunk.get(i);
                }
                params[chunk.size()] = channel.value();
                for (Conversation found : list(c, sql, params)) {
                    latest.put(found.customer().platformUserId(), found);
                }
            }
            return latest;
        };
        return lock
                ? call("find the latest conversations of " + customers.size() + " customers", work)
                : read("find the latest conversations of " + customers.size() + " customers", work);
    }

    /** Locks the customers' rows in ascending order, creating those seen for the first time. */
    private void lockCustomers(Connection c, String channel, List<String> sortedCustomers) throws SQLException {
        Set<String> locked = selectForUpdate(c, channel, sortedCustomers);
        if (locked.size() == sortedCustomers.size()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String customer : sortedCustomers) {
            if (!locked.contains(customer)) {
                missing.add(customer);
            }
        }
        List<String> columns = List.of("channel_id", "customer_id");
        Optional<String> batch = dialect.batchInsertIgnore(customerLock, columns, columns);
        if (batch.isEmpty()) {
            for (String customer : missing) {
                lockCustomer(c, channel, customer);
            }
            return;
        }
        PreparedStatement ps = tx.statement(c, batch.get());
        for (String customer : missing) {
            ps.setString(1, channel);
            ps.setString(2, customer);
            ps.addBatch();
        }
        int[] counts;
        try {
            counts = ps.executeBatch();
        } finally {
            ps.clearBatch();
        }
        // a row this transaction inserted is locked by the insert; any other (created by another desk meanwhile)
        // is locked now, after that desk's transaction ended
        List<String> notInserted = new ArrayList<>();
        for (int i = 0; i < missing.size(); i++) {
            if (i >= counts.length || counts[i] != 1) {
                notInserted.add(missing.get(i));
            }
        }
        if (!notInserted.isEmpty()) {
            selectForUpdate(c, channel, notInserted);
        }
    }

    private Set<String> selectForUpdate(Connection c, String channel, List<String> customers) throws SQLException {
        PreparedStatement ps = tx.statement(
                c,
                dialect.forUpdate(
                        // each dialect's form of looking the pairs up in the key, not the whole channel
                        "SELECT customer_id FROM " + customerLock + " WHERE "
                                + dialect.pairIn("channel_id", "customer_id", customers.size())
                                + " ORDER BY customer_id"));
        dialect.bindPairIn(ps, 1, channel, customers);
        Set<String> found = new HashSet<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Locks the customer's row, creating it on first sight (the common case, a known customer, is one statement). */
    private void lockCustomer(Connection c, String channel, String customer) throws SQLException {
        if (selectForUpdate(c, channel, customer)) {
            return;
        }
        PreparedStatement ps = tx.statement(
                c,
                dialect.insertIgnore(
                        customerLock, List.of("channel_id", "customer_id"), List.of("channel_id", "customer_id")));
        ps.setString(1, channel);
        ps.setString(2, customer);
        dialect.executeInsertIgnore(ps);
        selectForUpdate(c, channel, customer);
    }

    private boolean selectForUpdate(Connection c, String channel, String customer) throws SQLException {
        PreparedStatement ps = tx.statement(
                c,
                dialect.forUpdate(
                        "SELECT channel_id FROM " + customerLock + " WHERE channel_id = ? AND customer_id = ?"));
        ps.setString(1, channel);
        ps.setString(2, customer);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    @Override
    public List<Conversation> unassignedQueue(TeamId team, int limit) {
        Checks.notNull(team, "team");
        Checks.notNegative(limit, "limit");
        String sql = dialect.limit("SELECT * FROM " + table + " WHERE team_id = ? AND assignee_id IS NULL AND state IN "
                + ACTIVE_STATES + QUEUE_ORDER);
        return read("list the unassigned queue of team " + team, c -> list(c, sql, team.value(), limit));
    }

    @Override
    public List<Conversation> assignedTo(AgentId agent) {
        Checks.notNull(agent, "agent");
        String sql = "SELECT * FROM " + table + " WHERE " + agentsActive() + QUEUE_ORDER;
        return read("list the conversations of agent " + agent, c -> {
            PreparedStatement ps = tx.statement(c, sql);
            dialect.bindPairIn(ps, 1, agent.value(), ACTIVE_STATE_NAMES);
            return rows(ps);
        });
    }

    /**
     * The agent's active conversations in the form each database answers from the (assignee_id, state) index: a
     * plain {@code assignee_id = ? AND state IN (...)} made H2 read every conversation the agent ever held,
     * resolved ones included, so an agent's work list and load cost grew with the day.
     */
    private String agentsActive() {
        return dialect.pairIn("assignee_id", "state", ACTIVE_STATE_NAMES.size());
    }

    /** An existence check on the queue index: no row is read in queue order, nothing is sorted. */
    @Override
    public boolean hasUnassigned(TeamId team) {
        Checks.notNull(team, "team");
        String sql = dialect.limit(
                "SELECT 1 FROM " + table + " WHERE team_id = ? AND assignee_id IS NULL AND state IN " + ACTIVE_STATES);
        return read("check the unassigned queue of team " + team, c -> {
            PreparedStatement ps = tx.statement(c, sql);
            Params.bind(ps, dialect, team.value(), 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** {@code COUNT} over the assignee index instead of reading the agent's conversations. */
    @Override
    public int countAssigned(AgentId agent) {
        Checks.notNull(agent, "agent");
        String sql = "SELECT COUNT(*) FROM " + table + " WHERE " + agentsActive();
        return read("count the conversations of agent " + agent, c -> {
            PreparedStatement ps = tx.statement(c, sql);
            dialect.bindPairIn(ps, 1, agent.value(), ACTIVE_STATE_NAMES);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Override
    public List<Conversation> dueBy(Instant instant, int limit) {
        Checks.notNull(instant, "instant");
        Checks.notNegative(limit, "limit");
        // the state as an expression, not a column: H2 would otherwise take the (state, next_due_at) index for
        // the IN list and sort every active conversation (15 ms a reviewed conversation at 1,000,000 open); this
        // way every database reads (next_due_at, id) in order and stops at the limit
        String sql = dialect.limit("SELECT * FROM " + table + " WHERE CONCAT(state, '') IN " + ACTIVE_STATES
                + " AND next_due_at <= ?" + " ORDER BY next_due_at, id");
        return read("list conversations due by " + instant, c -> list(c, sql, instant, limit));
    }

    @Override
    public List<Conversation> openedBetween(Instant from, Instant to) {
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        String sql = "SELECT * FROM " + table + " WHERE opened_at >= ? AND opened_at < ? ORDER BY opened_at, id";
        return read("list conversations opened between " + from + " and " + to, c -> list(c, sql, from, to));
    }

    /** One page by keyset (opened_at, id) over the opened index, instead of the port's default slice. */
    @Override
    public List<Conversation> openedBetween(Instant from, Instant to, Optional<Conversation> after, int limit) {
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        Checks.notNull(after, "after");
        Checks.positive(limit, "limit");
        if (after.isEmpty()) {
            String sql = dialect.limit(
                    "SELECT * FROM " + table + " WHERE opened_at >= ? AND opened_at < ? ORDER BY opened_at, id");
            return tx.call("list a page of conversations opened from " + from, c -> list(c, sql, from, to, limit));
        }
        Instant at = after.get().openedAt();
        String id = after.get().id().value();
        String sql = dialect.limit("SELECT * FROM " + table + " WHERE opened_at >= ? AND opened_at < ?"
                + " AND (opened_at > ? OR (opened_at = ? AND id > ?)) ORDER BY opened_at, id");
        return tx.call(
                "list a page of conversations opened from " + from, c -> list(c, sql, from, to, at, at, id, limit));
    }

    /** Counted by the database over the customer index, instead of the port's default scan. */
    @Override
    public int countOpenedByCustomer(String customerPlatformUserId, Set<ChannelId> channels, Instant from, Instant to) {
        Checks.notNull(customerPlatformUserId, "customerPlatformUserId");
        Checks.notNull(channels, "channels");
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        if (channels.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>();
        channels.stream().map(ChannelId::value).sorted().forEach(params::add);
        params.add(customerPlatformUserId);
        params.add(from);
        params.add(to);
        String sql = "SELECT COUNT(*) FROM " + table + " WHERE channel_id IN ("
                + String.join(", ", Collections.nCopies(channels.size(), "?"))
                + ") AND customer_id = ? AND opened_at >= ? AND opened_at < ?";
        return read("count the conversations of a customer", c -> {
            PreparedStatement ps = tx.statement(c, sql);
            Params.bind(ps, dialect, params.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** The newest agent reply of the channel, from the (channel, last agent reply) index. */
    @Override
    public Optional<Instant> lastAgentReplyAt(ChannelId channel) {
        Checks.notNull(channel, "channel");
        return read("read the last agent reply on channel " + channel, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MAX(last_agent_reply_at) AS last_reply FROM " + table + " WHERE channel_id = ?")) {
                ps.setString(1, channel.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Row.optInstant(rs, "last_reply", dialect) : Optional.<Instant>empty();
                }
            }
        });
    }

    // ------------------------------------------------------------ write-behind of new conversations

    private <T> T call(String operation, SqlWork<T> work) {
        return writeBehind.call(operation, work);
    }

    private <T> T read(String operation, SqlWork<T> work) {
        return writeBehind.read(operation, work);
    }

    private PendingInserts pending() {
        return writeBehind.pending();
    }

    /**
     * New conversations saved inside a transaction: inserted as one {@code executeBatch} just before the next
     * statement this store runs on the conversation table in that transaction, or before it commits. A plain
     * {@code INSERT}: an id that exists fails the batch, and with it the transaction (ids are generated, so this
     * means two desks share an id generator's sequence).
     */
    private final class PendingInserts implements WriteBehind.Pending {
        final List<Row> rows = new ArrayList<>();

        @Override
        public void flush(Connection c) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            List<Row> sending = new ArrayList<>(rows);
            rows.clear();
            WriteBehind.insertBatch(tx, dialect, c, table, sending);
        }
    }

    // ------------------------------------------------------------ mapping

    private Optional<Conversation> first(Connection c, String sql, Object... params) throws SQLException {
        List<Conversation> found = list(c, sql, params);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Conversation> list(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = tx.statement(c, sql);
        Params.bind(ps, dialect, params);
        return rows(ps);
    }

    private List<Conversation> rows(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<Conversation> out = new ArrayList<>();
            while (rs.next()) {
                out.add(read(rs));
            }
            return List.copyOf(out);
        }
    }

    /** The conversation with its instants at the precision the database keeps. */
    static Conversation stored(Conversation c) {
        return c.copy()
                .openedAt(Row.stored(c.openedAt()))
                .lastCustomerMessageAt(Row.stored(c.lastCustomerMessageAt()))
                .awaitingResponseSince(Row.stored(c.awaitingResponseSince()))
                .firstResponseAt(Row.stored(c.firstResponseAt()))
                .lastAgentReplyAt(Row.stored(c.lastAgentReplyAt()))
                .resolvedAt(Row.stored(c.resolvedAt()))
                .responseDueAt(Row.stored(c.responseDueAt()))
                .resolutionDueAt(Row.stored(c.resolutionDueAt()))
                .build();
    }

    private static Row row(Conversation c) {
        Party p = c.customer();
        return Row.of()
                .text("id", c.id().value())
                .text("channel_id", c.channel().value())
                .text("customer_id", p.platformUserId())
                .text("customer_handle", p.handle())
                .text("customer_name", p.displayName())
                .bigint("customer_followers", p.followerCount())
                .bool("customer_verified", p.verified())
                .text("state", c.state().name())
                .text("priority", c.priority().name())
                .integer("priority_rank", c.priority().ordinal())
                .text("category", c.category().name())
                .text("risk_flags", riskFlags(c.riskFlags()))
                .text("team_id", c.team().map(TeamId::value))
                .text("assignee_id", c.assignee().map(AgentId::value))
                .instant("opened_at", c.openedAt())
                .instant("last_customer_message_at", c.lastCustomerMessageAt())
                .instant("awaiting_response_since", c.awaitingResponseSince())
                .instant("first_response_at", c.firstResponseAt())
                .instant("last_agent_reply_at", c.lastAgentReplyAt())
                .instant("resolved_at", c.resolvedAt())
                .bool("public_leg", c.hasPublicLeg())
                .bool("private_leg", c.hasPrivateLeg())
                .instant("response_due_at", c.responseDueAt())
                .instant("resolution_due_at", c.resolutionDueAt())
                .instant("next_due_at", nextDue(c))
                .integer("customer_message_count", c.customerMessageCount())
                .text("language", c.language())
                .integer("negative_streak", c.negativeStreak())
                .bigint("version", c.version());
    }

    private static Optional<Instant> nextDue(Conversation c) {
        return c.responseDueAt()
                .map(r -> c.resolutionDueAt().filter(s -> s.isBefore(r)).orElse(r))
                .or(c::resolutionDueAt);
    }

    private static String riskFlags(Set<RiskFlag> flags) {
        return flags.stream().sorted().map(RiskFlag::name).collect(Collectors.joining(","));
    }

    private static Set<RiskFlag> riskFlags(String stored) {
        if (stored == null || stored.isEmpty()) {
            return Set.of();
        }
        EnumSet<RiskFlag> flags = EnumSet.noneOf(RiskFlag.class);
        for (String name : stored.split(",")) {
            flags.add(RiskFlag.valueOf(name));
        }
        return flags;
    }

    private Conversation read(ResultSet rs) throws SQLException {
        Party customer = new Party(
                rs.getString("customer_id"),
                rs.getString("customer_handle"),
                Row.optText(rs, "customer_name"),
                rs.getLong("customer_followers"),
                rs.getBoolean("customer_verified"));
        return new Conversation(
                ConversationId.of(rs.getString("id")),
                ChannelId.of(rs.getString("channel_id")),
                customer,
                ConversationState.valueOf(rs.getString("state")),
                Priority.valueOf(rs.getString("priority")),
                Category.valueOf(rs.getString("category")),
                riskFlags(rs.getString("risk_flags")),
                Row.optText(rs, "team_id").map(TeamId::of),
                Row.optText(rs, "assignee_id").map(AgentId::of),
                Row.instant(rs, "opened_at", dialect),
                Row.instant(rs, "last_customer_message_at", dialect),
                Row.optInstant(rs, "awaiting_response_since", dialect),
                Row.optInstant(rs, "first_response_at", dialect),
                Row.optInstant(rs, "last_agent_reply_at", dialect),
                Row.optInstant(rs, "resolved_at", dialect),
                rs.getBoolean("public_leg"),
                rs.getBoolean("private_leg"),
                Row.optInstant(rs, "response_due_at", dialect),
                Row.optInstant(rs, "resolution_due_at", dialect),
                rs.getInt("customer_message_count"),
                Row.optText(rs, "language"),
                rs.getInt("negative_streak"),
                rs.getLong("version"));
    }
}
