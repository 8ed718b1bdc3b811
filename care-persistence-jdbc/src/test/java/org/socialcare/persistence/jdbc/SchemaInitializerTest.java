package org.socialcare.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.persistence.jdbc.dialect.SqlDialects;

/** The built-in initializer and the builder's schema checks, on a fresh namespace per test. One subclass per database. */
abstract class SchemaInitializerTest {
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
    void appliesTheScriptsOnceAndRecordsTheVersion() {
        JdbcCareStorage first =
                JdbcCareStorage.builder(dataSource).createSchema(true).build();
        assertThat(first.schema().currentVersion()).isEqualTo(SchemaInitializer.latestVersion());

        JdbcCareStorage second =
                JdbcCareStorage.builder(dataSource).createSchema(true).build();

        assertThat(second.schema().apply()).isEmpty();
        assertThat(second.schema().currentVersion()).isEqualTo(SchemaInitializer.latestVersion());
    }

    @Test
    void aBuilderWithoutSchemaNamesTheMissingTables() {
        assertThatThrownBy(() -> JdbcCareStorage.create(dataSource))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("care_conversation")
                .hasMessageContaining("createSchema(true)");
    }

    @Test
    void tablesMadeByTheScriptsWithoutTheInitializerAreUsableAsTheyAre() throws SQLException {
        runScriptLikeFlyway(initializer());

        CareStorage storage = JdbcCareStorage.create(dataSource);
        storage.checkpoints().save(new Checkpoint("src", "1"));

        assertThat(storage.checkpoints().load("src")).contains(new Checkpoint("src", "1"));
    }

    @Test
    void refusesToInitializeTablesAnotherToolManages() throws SQLException {
        SchemaInitializer schema = initializer();
        runScriptLikeFlyway(schema);

        assertThatThrownBy(schema::apply)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another tool");
    }

    @Test
    void aTablePrefixGivesAnIndependentSetOfTables() {
        CareStorage plain =
                JdbcCareStorage.builder(dataSource).createSchema(true).build().storage();
        JdbcCareStorage prefixed = JdbcCareStorage.builder(dataSource)
                .tablePrefix("bank_care_")
                .createSchema(true)
                .build();

        plain.checkpoints().save(new Checkpoint("src", "plain"));
        prefixed.storage().checkpoints().save(new Checkpoint("src", "prefixed"));
        prefixed.storage().audit().append(Samples.audit("c1", "prefixed entry", Samples.T0));

        assertThat(plain.checkpoints().load("src").orElseThrow().position()).isEqualTo("plain");
        assertThat(prefixed.storage().checkpoints().load("src").orElseThrow().position())
                .isEqualTo("prefixed");
        assertThat(prefixed.audit().verify().intact()).isTrue();
        assertThat(prefixed.schema().currentVersion()).isEqualTo(SchemaInitializer.latestVersion());
        assertThat(db.execute(
                        dataSource, "UPDATE bank_care_checkpoint SET source_position = 'x' WHERE source_id = 'src'"))
                .isEqualTo(1);
    }

    @Test
    void rejectsABadTablePrefixNamingIt() {
        assertThatThrownBy(() -> JdbcCareStorage.builder(dataSource).tablePrefix("Care; DROP"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tablePrefix")
                .hasMessageContaining("Care; DROP");
    }

    @Test
    void rejectsAnUnknownIsolationLevelNamingIt() {
        assertThatThrownBy(() -> JdbcCareStorage.builder(dataSource).isolation(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("isolation")
                .hasMessageContaining("3");
    }

    private SchemaInitializer initializer() throws SQLException {
        return SchemaInitializer.of(dataSource, SqlDialects.detect(dataSource), JdbcCareStorage.DEFAULT_TABLE_PREFIX);
    }

    /** What a Flyway user does: run V1__init.sql as it is, with no care_schema_version table. */
    private void runScriptLikeFlyway(SchemaInitializer schema) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            for (String sql : schema.statements(SchemaInitializer.MIGRATIONS.get(0))) {
                st.execute(sql);
            }
        }
    }
}
