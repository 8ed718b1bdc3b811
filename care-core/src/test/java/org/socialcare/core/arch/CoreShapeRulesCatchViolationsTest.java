package org.socialcare.core.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.internal.plantedcyclea.PlantedA;
import org.socialcare.core.internal.plantedcycleb.PlantedB;

/**
 * Each rule of {@link CoreShapeRules} fails on a planted violation (test-only classes), so a rule that passes on
 * the production classes passes because the code keeps the shape, not because the rule cannot fail.
 */
class CoreShapeRulesCatchViolationsTest {
    private final JavaClasses planted =
            new ClassFileImporter().importClasses(PlantedFacade.class, PlantedA.class, PlantedB.class, CareDesk.class);

    @Test
    void aFacadeThatReachesIntoStorageBreaksTheFacadeRule() {
        EvaluationResult result = CoreShapeRules.facadeOnlyDelegates(PlantedFacade.class.getName())
                .evaluate(planted);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("CareStorage.deadLetters()"));
        assertThat(CoreShapeRules.facadeOnlyDelegates(CoreShapeRules.FACADE)
                        .evaluate(planted)
                        .hasViolation())
                .isFalse();
    }

    @Test
    void twoInternalSlicesUsingEachOtherBreakTheCycleRule() {
        EvaluationResult result = CoreShapeRules.internalSlicesAreFreeOfCycles().evaluate(planted);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("plantedcyclea", "plantedcycleb");
    }

    @Test
    void aServiceCallingTheFacadeBreaksTheFacadeDependencyRule() {
        EvaluationResult result =
                CoreShapeRules.internalNeverDependsOnTheFacade().evaluate(planted);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).allMatch(d -> d.contains(PlantedA.class.getName()));
    }

    @Test
    void aPlatformConstantOutsideTheDomainBreaksTheNeutralityRule() {
        EvaluationResult result =
                CoreShapeRules.onlyTheDomainReferencesPlatformConstants().evaluate(planted);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(d -> d.contains("Platform.TWITTER"))
                .noneMatch(d -> d.contains(PlantedB.class.getName())); // Platform.of(..) is not a constant
    }
}
