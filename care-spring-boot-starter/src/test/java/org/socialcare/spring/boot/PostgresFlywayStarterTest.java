package org.socialcare.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter on PostgreSQL (127.0.0.1:5432, database test; {@code care.pg.*} system properties or {@code CARE_PG_*}
 * variables override): Flyway applies the postgresql scripts in a schema of this test's own. Runs in the
 * databases/ci profiles.
 */
@Tag("databases")
class PostgresFlywayStarterTest {
    private final String url = setting("care.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private final String user = setting("care.pg.user", "postgres");
    private final String password = setting("care.pg.password", "");
    private final String schema =
            "care_s_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static String setting(String property, String fallback) {
        String v = System.getProperty(property);
        if (v == null) {
            v = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return v == null ? fallback : v;
    }

    private void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @AfterEach
    void dropSchema() throws Exception {
        admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void flywayAppliesThePostgresqlScriptsAndTheDeskRunsOnThem() throws Exception {
        admin("CREATE SCHEMA " + schema);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class, CareAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                        "spring.datasource.username=" + user,
                        "spring.datasource.password=" + password,
                        "spring.flyway.schemas=" + schema,
                        "care.teams[0].id=care",
                        "care.channels[0].id=twitter-care",
                        "care.channels[0].platform=twitter",
                        "care.channels[0].handle=AskBank",
                        "care.channels[0].account-id=900100",
                        "care.channels[0].team=care",
                        "care.channels[0].receive-only=true",
                        "care.background.enabled=false")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBean(Flyway.class).getConfiguration().getLocations())
                            .extracting(Object::toString)
                            .containsExactly("classpath:db/migration/postgresql");
                    List<String> tables = new ArrayList<>();
                    try (Connection c = DriverManager.getConnection(url, user, password);
                            ResultSet rs = c.getMetaData().getTables(null, schema, "care_%", null)) {
                        while (rs.next()) {
                            tables.add(rs.getString("TABLE_NAME"));
                        }
                    }
                    assertThat(tables).contains("care_conversation", "care_outbox");
                    assertThat(ctx.getBean(CareDesk.class)
                                    .metrics(java.time.Instant.EPOCH, java.time.Instant.now())
                                    .overall()
                                    .opened())
                            .isZero();
                });
    }
}
