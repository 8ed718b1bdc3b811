package org.socialcare.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.reply.ApprovalRequest;
import org.socialcare.core.port.out.ApprovalGateway;
import org.socialcare.persistence.jdbc.dialect.SqlDialect;

/**
 * {@link ApprovalGateway} over one table ({@code <prefix>approval}): replies held for four-eyes approval survive
 * a restart, and every desk on the database sees the same pending requests. A row holds the whole reply
 * (columns as in the outbox, status included), its reasons (length-prefixed, so any text survives) and the
 * request time; instants are kept at microsecond precision. {@link #pending()} is in submission order.
 *
 * <p>{@link #take} reads the row and deletes it in one transaction; only a delete that removed the row returns
 * the request. When two supervisors on two desks take the same reply at once, the second delete waits for the
 * first transaction and, once it commits, removes nothing: exactly one gets the request. A resubmitted request
 * (after a decision that did not go through) is pending again, after the ones submitted before it.
 *
 * <p>Joins the current transaction of the storage's {@link JdbcTransactionManager}, like every store of
 * {@link JdbcCareStorage}; outside one, each call commits on its own. So when {@code CareDesk} holds a reply
 * inside the transaction that also writes its {@code APPROVAL_REQUESTED} audit line, the pending request and
 * the audit line commit or roll back together: whatever rolls that transaction back after the submit leaves no
 * pending request without its audit line. Build the desk with {@code MessagePolicies.builder().approvals(jdbc.approvals())} on the same
 * {@link JdbcCareStorage} as its storage; a gateway of another storage or data source would not share its
 * transactions. It does not notify anyone: supervisors see requests through {@code CareDesk.pendingApprovals()}.
 *
 * <p>Thread-safe. Errors: {@link IllegalArgumentException} when the reply id is already pending,
 * {@link JdbcStorageException} for database failures.
 */
public final class JdbcApprovalGateway implements ApprovalGateway {
    private final JdbcTransactionManager tx;
    private final SqlDialect dialect;
    private final String table;

    JdbcApprovalGateway(JdbcTransactionManager tx, SqlDialect dialect, Tables tables) {
        this.tx = tx;
        this.dialect = dialect;
        this.table = tables.approval();
    }

    /** @throws IllegalArgumentException if a request for the same reply id is already pending */
    @Override
    public void submit(ApprovalRequest request) {
        Checks.notNull(request, "request");
        Row row = JdbcOutbox.replyRow(request.reply())
                .text("reasons", JdbcEscalationFiringStore.encode(request.reasons()))
                .instant("requested_at", request.requestedAt());
        String sql = dialect.insertIgnore(table, row.columns(), List.of("id"));
        boolean stored = tx.call("hold reply " + request.reply().id() + " for approval", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                row.bind(ps, 1, dialect);
                return dialect.executeInsertIgnore(ps);
            }
        });
        if (!stored) {
            throw new IllegalArgumentException("reply " + request.reply().id() + " is already awaiting approval");
        }
    }

    @Override
    public Optional<ApprovalRequest> find(ReplyId reply) {
        Checks.notNull(reply, "reply");
        return tx.call(
                "find the approval request of reply " + reply,
                c -> first(list(c, "SELECT * FROM " + table + " WHERE id = ?", reply.value())));
    }

    @Override
    public List<ApprovalRequest> pending() {
        return tx.call("list the pending approval requests", c -> list(c, "SELECT * FROM " + table + " ORDER BY seq"));
    }

    @Override
    public Optional<ApprovalRequest> take(ReplyId reply) {
        Checks.notNull(reply, "reply");
        return tx.call("take the approval request of reply " + reply, c -> {
            Optional<ApprovalRequest> found = first(list(c, "SELECT * FROM " + table + " WHERE id = ?", reply.value()));
            if (found.isEmpty()) {
                return found;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
                ps.setString(1, reply.value());
                return ps.executeUpdate() == 1 ? found : Optional.<ApprovalRequest>empty();
            }
        });
    }

    private static Optional<ApprovalRequest> first(List<ApprovalRequest> found) {
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<ApprovalRequest> list(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Params.bind(ps, dialect, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<ApprovalRequest> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new ApprovalRequest(
                            JdbcOutbox.readReply(rs, dialect),
                            JdbcEscalationFiringStore.decode(rs.getString("reasons")),
                            Row.instant(rs, "requested_at", dialect)));
                }
                return List.copyOf(out);
            }
        }
    }
}
