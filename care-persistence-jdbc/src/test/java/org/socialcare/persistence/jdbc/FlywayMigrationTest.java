package org.socialcare.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.persistence.jdbc.dialect.SqlDialects;

/**
 * What the README promises a Flyway user: point Flyway at the scripts for the database as they are, and the
 * storage works on the schema it made; the built-in initializer then keeps its hands off. One subclass per
 * database.
 */
abstract class FlywayMigrationTest {
    private TestDatabase db;
    private DataSource dataSource;

    abstract TestDatabase open();

    @BeforeEach
    void openDatabase() {
        db = open();
        dataSource = db.newDataSource(2);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void flywayRunsTheShippedScriptsAndTheStorageWorksOnTheResult() throws Exception {
        String folder = SqlDialects.detect(dataSource).migrationFolder();

        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + folder)
                .table("care_flyway_history")
                .load()
                .migrate();

        assertThat(result.migrationsExecuted).isEqualTo(SchemaInitializer.MIGRATIONS.size());
        JdbcCareStorage jdbc = JdbcCareStorage.builder(dataSource).build();
        CareStorage storage = jdbc.storage();
        Conversation saved = storage.conversations().save(Samples.fullConversation("flyway"));
        storage.audit().append(Samples.audit("flyway", "opened", Samples.T0));
        assertThat(storage.conversations().find(saved.id())).contains(saved);
        assertThat(jdbc.audit().verify().intact()).isTrue();
        assertThatThrownBy(() -> jdbc.schema().apply())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another tool");
    }
}
