package org.socialcare.testkit.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Marks a contract subclass with a planted fault: it runs only inside {@link ContractRunner} (which expects
 * failures), never on its own in a build, even when a {@code -Dtest} pattern selects it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf("org.socialcare.testkit.support.ContractRunner#isRunning")
public @interface PlantedFault {}
