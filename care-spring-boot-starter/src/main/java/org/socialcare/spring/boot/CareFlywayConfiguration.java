package org.socialcare.spring.boot;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * When the application uses Flyway and has not set {@code spring.flyway.locations}, points Flyway at the care
 * scripts for the application's database, {@code classpath:db/migration/<db>} ({@code h2}, {@code postgresql},
 * {@code mariadb}): Flyway's default {@code classpath:db/migration} would find every database's scripts at once.
 * An application with Flyway scripts of its own sets {@code spring.flyway.locations} and lists the care folder
 * beside its own. Stateless.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({Flyway.class, FlywayConfigurationCustomizer.class})
class CareFlywayConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(CareFlywayConfiguration.class);
    static final String LOCATIONS = "spring.flyway.locations";

    @Bean
    FlywayConfigurationCustomizer careFlywayLocations(Environment environment) {
        return configuration -> {
            if (environment.containsProperty(LOCATIONS)) {
                return;
            }
            String location = "classpath:db/migration/" + folder(configuration.getDataSource());
            LOG.info("care: Flyway applies the care schema from {} (set {} to choose)", location, LOCATIONS);
            configuration.locations(location);
        };
    }

    private static String folder(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseDriver driver = DatabaseDriver.fromJdbcUrl(c.getMetaData().getURL());
            return switch (driver) {
                case H2 -> "h2";
                case POSTGRESQL -> "postgresql";
                case MARIADB, MYSQL -> "mariadb";
                default ->
                    throw new IllegalStateException("care has no Flyway scripts for " + driver + ": set " + LOCATIONS
                            + " to your own copy of the scripts");
            };
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "care could not read the database product for Flyway: " + e.getMessage(), e);
        }
    }
}
