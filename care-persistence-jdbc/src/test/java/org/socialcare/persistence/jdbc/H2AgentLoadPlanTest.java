package org.socialcare.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.port.out.ConversationStore;

/**
 * An agent's work list and load are read from the (assignee_id, state) index on H2: the rows H2 scans follow the
 * agent's active conversations, not every conversation the agent ever held. Each statement the store sends is
 * captured with its parameters and run again under {@code EXPLAIN ANALYZE}, which reports H2's scan count.
 */
class H2AgentLoadPlanTest {
    private static final AgentId AGENT = AgentId.of("agent-ana");
    private static final int RESOLVED = 3_000;
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    private TestDatabase db;
    private DataSource dataSource;
    private final List<Captured> captured = new ArrayList<>();
    private ConversationStore conversations;

    private record Captured(String sql, TreeMap<Integer, Object> parameters) {}

    @BeforeEach
    void storeAnAgentsDay() {
        db = TestDatabase.h2();
        dataSource = db.newDataSource(2);
        JdbcCareStorage storage = JdbcCareStorage.builder(capturing(dataSource))
                .createSchema(true)
                .build();
        conversations = storage.storage().conversations();
        for (int i = 0; i < RESOLVED; i++) {
            conversations.save(held("resolved-" + i, ConversationState.RESOLVED));
        }
        conversations.save(held("open-1", ConversationState.OPEN));
        conversations.save(held("open-2", ConversationState.ESCALATED));
        captured.clear();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void countingAnAgentsConversationsScansOnlyTheActiveOnes() throws SQLException {
        assertThat(conversations.countAssigned(AGENT)).isEqualTo(2);

        assertThat(scanCountOfTheStatementWith("COUNT(*)")).isLessThan(10);
    }

    @Test
    void listingAnAgentsConversationsScansOnlyTheActiveOnes() throws SQLException {
        assertThat(conversations.assignedTo(AGENT))
                .extracting(c -> c.id().value())
                .containsExactlyInAnyOrder("open-1", "open-2");

        assertThat(scanCountOfTheStatementWith("SELECT *")).isLessThan(10);
    }

    private static Conversation held(String id, ConversationState state) {
        return Samples.bareConversation(id, Samples.T0)
                .copy()
                .state(state)
                .assignee(Optional.of(AGENT))
                .build();
    }

    /** Runs the captured statement again under EXPLAIN ANALYZE with its parameters; H2's scan count of the index. */
    private int scanCountOfTheStatementWith(String fragment) throws SQLException {
        Captured statement = captured.stream()
                .filter(s -> s.sql().contains("assignee_id") && s.sql().contains(fragment))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no statement with " + fragment + " in " + captured));
        try (Connection c = dataSource.getConnection();
                PreparedStatement explain = c.prepareStatement("EXPLAIN ANALYZE " + statement.sql())) {
            for (var p : statement.parameters().entrySet()) {
                explain.setObject(p.getKey(), p.getValue());
            }
            try (ResultSet rs = explain.executeQuery()) {
                rs.next();
                String plan = rs.getString(1);
                Matcher m = SCAN_COUNT.matcher(plan);
                assertThat(m.find()).as(plan).isTrue();
                return Integer.parseInt(m.group(1));
            }
        }
    }

    private DataSource capturing(DataSource inner) {
        return (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, inner, args);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    private Connection connection(Connection inner) {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(method, inner, args);
                    if (result instanceof PreparedStatement ps
                            && method.getName().equals("prepareStatement")) {
                        return statement(ps, (String) args[0]);
                    }
                    return result;
                });
    }

    private PreparedStatement statement(PreparedStatement inner, String sql) {
        TreeMap<Integer, Object> parameters = new TreeMap<>();
        return (PreparedStatement) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("set")
                            && args != null
                            && args.length == 2
                            && args[0] instanceof Integer index) {
                        parameters.put(index, args[1]);
                    }
                    if (method.getName().equals("executeQuery")) {
                        captured.add(new Captured(sql, new TreeMap<>(parameters)));
                    }
                    return invoke(method, inner, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
