package org.socialcare.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A connection whose {@code currentSchema} does not exist fails at build time naming that schema, even when the
 * care tables exist in another schema of the database (a metadata search over every schema would find them).
 */
@Tag("databases")
class PostgreSqlCurrentSchemaTest {
    private final TestDatabase db = TestDatabase.postgres();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aMissingCurrentSchemaFailsTheBuildNamingItThoughTheTablesExistElsewhere() {
        db.newStorage(); // the care tables, in the test's own schema
        DataSource elsewhere = db.newDataSourceInSchema("no_such_schema");

        assertThatThrownBy(() -> JdbcCareStorage.builder(elsewhere).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no_such_schema")
                .hasMessageContaining("no current schema");
    }

    @Test
    void creatingTheSchemaInAMissingCurrentSchemaNamesTheSchemaNotATable() {
        DataSource elsewhere = db.newDataSourceInSchema("no_such_schema");

        assertThatThrownBy(() ->
                        JdbcCareStorage.builder(elsewhere).createSchema(true).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no_such_schema")
                .message()
                .doesNotContain("care_conversation");
    }

    @Test
    void theTablesOfTheCurrentSchemaStillBuild() {
        db.newStorage();

        assertThat(JdbcCareStorage.builder(db.newDataSource(2)).build().storage())
                .isNotNull();
    }
}
