package org.socialcare.testkit.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that counts what reaches the database through it: statements executed (each
 * {@code execute*} call, an {@code executeBatch} is one), statements prepared and connections taken, with the
 * executions per SQL text, for tests and benchmarks that count statements per message. Thread-safe.
 */
public final class CountingDataSource implements DataSource {
    private final DataSource inner;
    private final AtomicLong executed = new AtomicLong();
    private final AtomicLong prepared = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final Map<String, Long> bySql = new TreeMap<>();

    /** Counts what runs on connections of {@code inner}. */
    public CountingDataSource(DataSource inner) {
        this.inner = inner;
    }

    /** Statements executed (plain, prepared and batched) since the last {@link #reset}. */
    public long executed() {
        return executed.get();
    }

    /** Statements prepared since the last {@link #reset}. */
    public long prepared() {
        return prepared.get();
    }

    /** Connections handed out since the last {@link #reset}. */
    public long connections() {
        return connections.get();
    }

    /** Executions per SQL text since the last {@link #reset}. */
    public synchronized Map<String, Long> executedBySql() {
        return new TreeMap<>(bySql);
    }

    /** Starts counting from zero. */
    public synchronized void reset() {
        executed.set(0);
        prepared.set(0);
        connections.set(0);
        bySql.clear();
    }

    private synchronized void executed(String sql) {
        executed.incrementAndGet();
        bySql.merge(sql, 1L, Long::sum);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(inner.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return connection(inner.getConnection(user, password));
    }

    private Connection connection(Connection c) {
        connections.incrementAndGet();
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(c, method, args);
                    if (result instanceof Statement s) {
                        boolean isPrepared = method.getName().startsWith("prepare");
                        if (isPrepared) {
                            prepared.incrementAndGet();
                        }
                        return statement(s, isPrepared ? (String) args[0] : null);
                    }
                    return result;
                });
    }

    private Statement statement(Statement s, String preparedSql) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
                executed(name.equals("executeBatch") ? "[batch] " + sql : sql);
            }
            return invoke(s, method, args);
        };
        return (Statement) Proxy.newProxyInstance(
                Statement.class.getClassLoader(), new Class<?>[] {CallableStatement.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return inner.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        inner.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        inner.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return inner.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return inner.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return inner.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return inner.isWrapperFor(iface);
    }
}
