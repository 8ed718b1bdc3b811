package org.socialcare.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The language policies are pure domain: JDK and core domain types only (no logging, no ports but TextLimits). */
class LanguagePoliciesDependencyTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.socialcare.core");

    @Test
    void policiesDependOnlyOnTheJdkAndTheCoreDomain() {
        classes()
                .that()
                .resideInAnyPackage(
                        "org.socialcare.core.domain.text..",
                        "org.socialcare.core.domain.sensitive..",
                        "org.socialcare.core.domain.triage..",
                        "org.socialcare.core.domain.reply..",
                        "org.socialcare.core.domain.moderation..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "org.socialcare.core.domain..",
                        "org.socialcare.core.error..",
                        "org.socialcare.core.port.out..")
                .check(CORE);
    }
}
