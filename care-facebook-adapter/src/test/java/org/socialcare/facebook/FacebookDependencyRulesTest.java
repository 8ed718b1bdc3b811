package org.socialcare.facebook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The adapter's own dependency rules (core's rules live in care-core). */
class FacebookDependencyRulesTest {
    private static final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(java.nio.file.Path.of("target", "classes"));

    @Test
    void adapterCodeDoesNotUseTheEmulator() {
        noClasses()
                .that()
                .resideInAPackage("org.socialcare.facebook")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.socialcare.facebook.emulator")
                .check(main);
    }

    @Test
    void adapterLogsThroughSlf4jOnlyAndUsesNoCoreInternals() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ch.qos.logback..", "java.util.logging..", "org.apache.logging..")
                .check(main);
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.socialcare.core.internal..")
                .check(main);
    }

    @Test
    void adapterDoesNotDependOnOtherAdapters() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.socialcare.twitter..", "org.socialcare.persistence..", "twitter4j..", "java.sql..")
                .check(main);
    }
}
