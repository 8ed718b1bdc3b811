package org.socialcare.twitter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The adapter's own dependency rules (core's rules live in care-core). */
class TwitterDependencyRulesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(java.nio.file.Path.of("target", "classes"));

    @Test
    void adapterCodeDoesNotUseTheEmulator() {
        noClasses()
                .that()
                .resideInAnyPackage("org.socialcare.twitter", "org.socialcare.twitter.internal")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.socialcare.twitter.emulator")
                .check(MAIN);
    }

    @Test
    void adapterDoesNotDependOnOtherAdaptersOrCoreInternals() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.socialcare.facebook..",
                        "org.socialcare.persistence..",
                        "com.restfb..",
                        "java.sql..",
                        "org.socialcare.core.internal..",
                        "ch.qos.logback..")
                .check(MAIN);
    }
}
