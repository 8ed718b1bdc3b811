package org.socialcare.core.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The operations policies use nothing but the JDK and core's own domain, errors and ports. */
class OperationsPoliciesDependencyTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.socialcare.core");

    @Test
    void policiesDependOnlyOnTheJdkAndCore() {
        classes()
                .that()
                .resideInAnyPackage(
                        "..core.domain.sla..",
                        "..core.domain.routing..",
                        "..core.domain.escalation..",
                        "..core.domain.guard..",
                        "..core.domain.metrics..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "org.socialcare.core.domain..",
                        "org.socialcare.core.error..",
                        "org.socialcare.core.port.out..")
                .check(CORE);
    }

    @Test
    void policiesDoNotReachIntoTheFacadeOrInternals() {
        classes()
                .that()
                .resideInAnyPackage(
                        "..core.domain.sla..",
                        "..core.domain.routing..",
                        "..core.domain.escalation..",
                        "..core.domain.guard..",
                        "..core.domain.metrics..")
                .should()
                .onlyDependOnClassesThat()
                .resideOutsideOfPackages("org.socialcare.core.internal..", "org.socialcare.core.memory..")
                .check(CORE);
    }
}
