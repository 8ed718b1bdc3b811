package org.socialcare.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.lang.ArchRule;
import org.socialcare.core.domain.Platform;

/**
 * The shape of care-core after issue 11, as ArchUnit rules: the facade only delegates, the services under
 * {@code core.internal} form no cycles and never call back into the facade, and only the domain names a platform.
 * {@link CoreShapeRulesTest} applies them to the production classes; {@link CoreShapeRulesCatchViolationsTest}
 * proves each one fails on a planted violation.
 */
final class CoreShapeRules {
    static final String FACADE = "org.socialcare.core.CareDesk";

    private CoreShapeRules() {}

    /** The facade class (not its nested builder) touches no storage port, adapter SPI or in-memory adapter. */
    static ArchRule facadeOnlyDelegates(String facade) {
        return noClasses()
                .that()
                .haveFullyQualifiedName(facade)
                .should()
                .accessClassesThat()
                .resideInAnyPackage("org.socialcare.core.port.out..", "org.socialcare.core.memory..")
                .because("the facade is a door: each method hands the call to the service that owns the use case");
    }

    /** The packages under core.internal (ingest, work, publish, ops, channel, read) depend on each other in one direction. */
    static ArchRule internalSlicesAreFreeOfCycles() {
        return slices().matching("org.socialcare.core.internal.(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(false);
    }

    /** Nothing in core.internal depends on the facade or its builder. */
    static ArchRule internalNeverDependsOnTheFacade() {
        return noClasses()
                .that()
                .resideInAPackage("org.socialcare.core.internal..")
                .should()
                .dependOnClassesThat()
                .haveNameMatching(FACADE.replace(".", "\\.") + "(\\$.*)?")
                .because("services are wired by DeskAssembly and must not call back into the facade");
    }

    /** Only the domain names a platform: everything else asks publishers and domain policies what a platform can do. */
    static ArchRule onlyTheDomainReferencesPlatformConstants() {
        return noClasses()
                .that()
                .resideInAPackage("org.socialcare.core..")
                .and()
                .resideOutsideOfPackage("org.socialcare.core.domain..")
                .should()
                .accessFieldWhere(platformConstant())
                .because("core is platform-neutral: what a platform can do is asked of its publisher "
                        + "(ChannelPublisher.supports) or decided in the domain");
    }

    private static DescribedPredicate<JavaFieldAccess> platformConstant() {
        return DescribedPredicate.describe(
                "a constant of " + Platform.class.getSimpleName(),
                access -> access.getTargetOwner().isEquivalentTo(Platform.class)
                        && access.getTarget().getName().matches("[A-Z][A-Z0-9_]*"));
    }
}
