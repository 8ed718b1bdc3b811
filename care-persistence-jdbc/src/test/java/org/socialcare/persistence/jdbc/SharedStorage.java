package org.socialcare.persistence.jdbc;

import javax.sql.DataSource;
import org.socialcare.core.port.out.CareStorage;

/**
 * One database namespace and storage for a whole contract test class, emptied for each test: the contracts
 * ask for a fresh, empty storage before every test, and creating tables each time would be slow on servers.
 */
final class SharedStorage implements AutoCloseable {
    private final TestDatabase.Kind kind;
    private TestDatabase db;
    private DataSource dataSource;
    private JdbcCareStorage storage;

    SharedStorage(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    /** The storage, with every table emptied. */
    synchronized CareStorage fresh() {
        return freshJdbc().storage();
    }

    /** The JDBC storage (for the parts outside {@link CareStorage}), with every table emptied. */
    synchronized JdbcCareStorage freshJdbc() {
        if (db == null) {
            db = TestDatabase.of(kind);
            dataSource = db.newDataSource(12);
            storage = JdbcCareStorage.builder(dataSource).createSchema(true).build();
        }
        db.clear(dataSource, JdbcCareStorage.DEFAULT_TABLE_PREFIX);
        return storage;
    }

    /** The JDBC storage {@link #fresh()} last emptied (for the stores outside {@link CareStorage}). */
    synchronized JdbcCareStorage jdbc() {
        if (storage == null) {
            throw new IllegalStateException("call fresh() first");
        }
        return storage;
    }

    @Override
    public synchronized void close() {
        if (db != null) {
            db.close();
            db = null;
        }
    }
}
