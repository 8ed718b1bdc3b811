package org.socialcare.core.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** care-core's production classes keep the shape of issue 11 ({@link CoreShapeRules}). */
@AnalyzeClasses(packages = "org.socialcare.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreShapeRulesTest {

    @ArchTest
    static final ArchRule facadeOnlyDelegates = CoreShapeRules.facadeOnlyDelegates(CoreShapeRules.FACADE);

    @ArchTest
    static final ArchRule internalSlicesAreFreeOfCycles = CoreShapeRules.internalSlicesAreFreeOfCycles();

    @ArchTest
    static final ArchRule internalNeverDependsOnTheFacade = CoreShapeRules.internalNeverDependsOnTheFacade();

    @ArchTest
    static final ArchRule onlyTheDomainReferencesPlatformConstants =
            CoreShapeRules.onlyTheDomainReferencesPlatformConstants();
}
