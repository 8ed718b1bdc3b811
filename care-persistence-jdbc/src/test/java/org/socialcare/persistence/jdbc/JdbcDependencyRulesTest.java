package org.socialcare.persistence.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The JDBC module's dependency rules: plain JDBC, no platform adapters, no driver classes, no core internals. */
class JdbcDependencyRulesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(java.nio.file.Path.of("target", "classes"));

    @Test
    void storesUsePlainJdbcOnly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.h2..", "org.postgresql..", "org.mariadb..", "com.zaxxer..", "org.flywaydb..")
                .because("users bring their own driver and pool")
                .check(MAIN);
    }

    @Test
    void doesNotDependOnAdaptersOrCoreInternals() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.socialcare.twitter..",
                        "org.socialcare.facebook..",
                        "twitter4j..",
                        "com.restfb..",
                        "org.socialcare.core.internal..",
                        "ch.qos.logback..")
                .check(MAIN);
    }
}
