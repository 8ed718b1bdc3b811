package org.socialcare.testkit.arch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socialcare.testkit.arch.planted.CleanAdapterClass;
import org.socialcare.testkit.arch.planted.PlantedEmulatorUser;
import org.socialcare.testkit.arch.planted.PlantedJdbcUser;
import org.socialcare.testkit.arch.planted.PlantedJulConfigurer;
import org.socialcare.testkit.arch.planted.PlantedLogbackUser;
import org.socialcare.testkit.arch.planted.emulator.PlantedEmulator;

/** Proof that each adapter rule fails on the violation it exists for, and passes clean code. */
class AdapterArchitectureRulesCatchViolationsTest {
    private static JavaClasses of(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    @Test
    void anEmulatorClassOrAnHttpServerInProductionCodeFails() {
        assertThatThrownBy(() ->
                        AdapterArchitectureRules.noEmulatorInProductionCode().check(of(PlantedEmulator.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(PlantedEmulator.class.getName())
                .hasMessageContaining("com.sun.net.httpserver.HttpServer");
        assertThatThrownBy(() ->
                        AdapterArchitectureRules.noEmulatorInProductionCode().check(of(PlantedEmulatorUser.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(PlantedEmulatorUser.class.getName());
    }

    @Test
    void anotherAdaptersTechnologyFailsButAnAdaptersOwnPasses() {
        JavaClasses jdbcUser = of(PlantedJdbcUser.class);

        assertThatThrownBy(() -> AdapterArchitectureRules.independentOfOtherAdapters("org.socialcare.twitter")
                        .check(jdbcUser))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.sql.Connection");
        assertThatCode(() -> AdapterArchitectureRules.independentOfOtherAdapters("org.socialcare.persistence.jdbc")
                        .check(jdbcUser))
                .doesNotThrowAnyException();
    }

    @Test
    void aLoggingBackendFails() {
        assertThatThrownBy(() -> AdapterArchitectureRules.logsThroughSlf4jOnly().check(of(PlantedLogbackUser.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ch.qos.logback.classic.Level");
    }

    @Test
    void javaUtilLoggingFailsOutsideTheNamedConfigurers() {
        JavaClasses julUser = of(PlantedJulConfigurer.class);

        assertThatThrownBy(() -> AdapterArchitectureRules.logsThroughSlf4jOnly().check(julUser))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.util.logging.Logger");
        assertThatCode(() -> AdapterArchitectureRules.logsThroughSlf4jOnly(Set.of(PlantedJulConfigurer.class.getName()))
                        .check(julUser))
                .doesNotThrowAnyException();
    }

    @Test
    void cleanAdapterCodePassesEveryRule() {
        JavaClasses clean = of(CleanAdapterClass.class);

        AdapterArchitectureRules.all("org.socialcare.twitter", Set.of()).forEach(rule -> rule.check(clean));
    }

    @Test
    void aMissingClassesDirectoryIsNamed() {
        assertThatThrownBy(() -> AdapterArchitectureRules.productionClasses(Path.of("no-such-dir")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("classesDirectory must be a directory of compiled classes")
                .hasMessageContaining("no-such-dir");
    }
}
