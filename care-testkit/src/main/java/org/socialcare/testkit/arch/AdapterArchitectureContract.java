package org.socialcare.testkit.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link AdapterArchitectureRules} as tests: an adapter's test extends it and names its base package.
 * <pre>{@code
 * class TwitterArchitectureTest extends AdapterArchitectureContract {
 *     protected String adapterPackage() { return "org.socialcare.twitter"; }
 * }
 * }</pre>
 * Production classes are read from {@link #classesDirectory()} ({@code target/classes} of the module under test,
 * Maven's working directory); the test fails if none of them is in the adapter's package, so a wrong path or
 * package cannot pass silently.
 */
public abstract class AdapterArchitectureContract {
    private JavaClasses classes;

    /** The adapter's base package, e.g. {@code "org.socialcare.facebook"}. */
    protected abstract String adapterPackage();

    /** Where the adapter's production classes are. Default: {@code target/classes}. */
    protected Path classesDirectory() {
        return Path.of("target", "classes");
    }

    /**
     * Classes (fully qualified names) allowed to use {@code java.util.logging}, only to configure an SDK that logs
     * through it. Default: none.
     */
    protected Set<String> julConfigurers() {
        return Set.of();
    }

    @BeforeEach
    void importProductionClasses() {
        classes = AdapterArchitectureRules.productionClasses(classesDirectory());
        assertThat(classes)
                .as("production classes of %s in %s", adapterPackage(), classesDirectory())
                .anyMatch(c -> c.getPackageName().startsWith(adapterPackage()));
    }

    @Test
    void productionCodeHoldsNoEmulatorAndNoHttpServer() {
        AdapterArchitectureRules.noEmulatorInProductionCode().check(classes);
    }

    @Test
    void adapterDependsOnNoOtherAdapter() {
        AdapterArchitectureRules.independentOfOtherAdapters(adapterPackage()).check(classes);
    }

    @Test
    void adapterUsesNoCoreInternals() {
        AdapterArchitectureRules.noCoreInternals().check(classes);
    }

    @Test
    void adapterLogsThroughSlf4jOnly() {
        AdapterArchitectureRules.logsThroughSlf4jOnly(julConfigurers()).check(classes);
    }
}
