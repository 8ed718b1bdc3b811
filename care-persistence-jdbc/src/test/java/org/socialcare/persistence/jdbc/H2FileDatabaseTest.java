package org.socialcare.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.port.out.CareStorage;

/** The embedded default on disk: what was stored is there after a restart, and the schema is not applied twice. */
class H2FileDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestartOfTheApplication() {
        String url = "jdbc:h2:file:" + dir.resolve("care").toAbsolutePath();
        Conversation saved;
        {
            JdbcCareStorage first =
                    JdbcCareStorage.builder(dataSource(url)).createSchema(true).build();
            saved = first.storage().conversations().save(Samples.fullConversation("kept"));
            first.storage().audit().append(Samples.audit("kept", "opened", Samples.T0));
        }

        JdbcCareStorage restarted =
                JdbcCareStorage.builder(dataSource(url)).createSchema(true).build();
        CareStorage storage = restarted.storage();

        assertThat(storage.conversations().find(saved.id())).contains(saved);
        assertThat(restarted.schema().apply()).isEmpty();
        assertThat(restarted.audit().verify().intact()).isTrue();
        assertThat(restarted.audit().verify().rowsChecked()).isEqualTo(1);
    }

    private static JdbcDataSource dataSource(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        return ds;
    }
}
