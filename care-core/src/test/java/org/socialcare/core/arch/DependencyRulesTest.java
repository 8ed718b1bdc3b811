package org.socialcare.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rule of the hexagon: the core knows the JDK and slf4j-api, nothing else; ports are
 * interfaces; the domain does not depend on the application layer or adapters.
 */
@AnalyzeClasses(packages = "org.socialcare.core", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

    @ArchTest
    static final ArchRule coreDependsOnlyOnTheJdkAndSlf4j = classes()
            .that()
            .resideInAPackage("org.socialcare.core..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("org.socialcare.core..", "java..", "javax.annotation..", "org.slf4j")
            .because(
                    "care-core is JDK + slf4j-api only (DESIGN.md); SDKs, JDBC, Guava and logging backends belong to adapters");

    @ArchTest
    static final ArchRule coreUsesNoJdbcSdkGuavaOrLoggingBackend = noClasses()
            .that()
            .resideInAPackage("org.socialcare.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.sql..",
                    "javax.sql..",
                    "com.google..",
                    "twitter4j..",
                    "com.restfb..",
                    "ch.qos.logback..",
                    "org.apache.logging..",
                    "org.socialcare.twitter..",
                    "org.socialcare.facebook..",
                    "org.socialcare.persistence..");

    @ArchTest
    static final ArchRule outboundPortsAreInterfacesOrValueRecords = classes()
            .that()
            .resideInAPackage("org.socialcare.core.port.out..")
            .and()
            .areTopLevelClasses()
            .should()
            .beInterfaces()
            .orShould()
            .beRecords()
            .because("ports are the contracts adapters implement");

    @ArchTest
    static final ArchRule domainDoesNotDependOnApplicationOrAdapters = noClasses()
            .that()
            .resideInAPackage("org.socialcare.core.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.socialcare.core.memory..", "org.socialcare.core.internal..")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.socialcare.core.CareDesk");

    @ArchTest
    static final ArchRule inMemoryAdaptersOnlyImplementPorts = noClasses()
            .that()
            .resideInAPackage("org.socialcare.core.memory..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.socialcare.core.CareDesk");
}
