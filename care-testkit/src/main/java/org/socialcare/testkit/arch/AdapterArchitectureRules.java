package org.socialcare.testkit.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one set of architecture rules for care's platform adapters (and any adapter an integrator writes), checked
 * over an adapter's production classes:
 *
 * <ul>
 *   <li>{@link #noEmulatorInProductionCode()}: no class lives in an {@code ..emulator..} or {@code ..emulators..}
 *       package, uses the JDK HTTP server ({@code com.sun.net.httpserver}) or care-emulators: a bank's production
 *       class path holds no HTTP server;
 *   <li>{@link #independentOfOtherAdapters(String)}: no adapter uses another adapter, its SDK or JDBC;
 *   <li>{@link #noCoreInternals()}: adapters use care-core's ports and domain, never {@code core.internal};
 *   <li>{@link #logsThroughSlf4jOnly(Set)}: no logging backend or other logging API, except named classes that
 *       configure {@code java.util.logging} for an SDK that logs through it (twitter4j does).
 * </ul>
 *
 * Rules are immutable and thread-safe; a violated rule throws {@link AssertionError} from {@link
 * ArchRule#check(JavaClasses)} naming every offending class and dependency.
 */
public final class AdapterArchitectureRules {
    /** The base package and the third-party packages (SDK, JDBC) of each adapter care ships. */
    private static final List<List<String>> ADAPTERS = List.of(
            List.of("org.socialcare.twitter..", "twitter4j..", "com.twitter.twittertext.."),
            List.of("org.socialcare.facebook..", "com.restfb.."),
            List.of("org.socialcare.persistence..", "java.sql..", "javax.sql.."));

    private AdapterArchitectureRules() {}

    /**
     * The production classes compiled into {@code classesDirectory} (for a Maven module {@code target/classes}).
     *
     * @throws IllegalArgumentException if the directory does not exist (the module was not compiled)
     */
    public static JavaClasses productionClasses(Path classesDirectory) {
        Objects.requireNonNull(classesDirectory, "classesDirectory");
        if (!Files.isDirectory(classesDirectory)) {
            throw new IllegalArgumentException("classesDirectory must be a directory of compiled classes but was "
                    + classesDirectory.toAbsolutePath());
        }
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(classesDirectory);
    }

    /** No production class is an emulator, runs the JDK HTTP server or uses care-emulators. */
    public static ArchRule noEmulatorInProductionCode() {
        return noClasses()
                .should()
                .resideInAnyPackage("..emulator..", "..emulators..")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("com.sun.net.httpserver..", "org.socialcare.emulators..", "..emulator..")
                .as("no production class of an adapter is an emulator, runs an HTTP server or uses care-emulators")
                .because("emulators are test support: a bank's production class path holds no HTTP server");
    }

    /**
     * No class depends on another adapter of care, its SDK or JDBC; {@code ownBasePackage} (e.g.
     * {@code "org.socialcare.twitter"}) names the adapter checked, whose own packages are allowed.
     *
     * @throws IllegalArgumentException if {@code ownBasePackage} is blank
     */
    public static ArchRule independentOfOtherAdapters(String ownBasePackage) {
        if (ownBasePackage == null || ownBasePackage.isBlank()) {
            throw new IllegalArgumentException("ownBasePackage must not be blank");
        }
        List<String> forbidden = new ArrayList<>();
        for (List<String> adapter : ADAPTERS) {
            String base = adapter.get(0).substring(0, adapter.get(0).length() - 2);
            if (!ownBasePackage.equals(base) && !ownBasePackage.startsWith(base + ".")) {
                forbidden.addAll(adapter);
            }
        }
        return noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbidden.toArray(String[]::new))
                .as("adapter " + ownBasePackage + " depends on no other adapter, SDK or JDBC")
                .because("adapters are independent libraries a bank picks one by one");
    }

    /** No class uses care-core's internals; adapters talk to the desk through ports and domain types. */
    public static ArchRule noCoreInternals() {
        return noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.socialcare.core.internal..")
                .as("adapters use no care-core internals");
    }

    /**
     * No class uses a logging backend (logback, log4j) and no class but {@code julConfigurers} (fully qualified
     * names) uses {@code java.util.logging}; those may only configure an SDK's JUL loggers, never log.
     */
    public static ArchRule logsThroughSlf4jOnly(Set<String> julConfigurers) {
        Set<String> allowed = Set.copyOf(julConfigurers);
        DescribedPredicate<JavaClass> notAllowed =
                DescribedPredicate.describe("are not one of " + allowed, c -> !allowed.contains(c.getName()));
        ArchRule backends = noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ch.qos.logback..", "org.apache.logging..", "org.apache.log4j..");
        ArchRule jul = noClasses()
                .that(notAllowed)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.util.logging..")
                .allowEmptyShould(true);
        return CompositeArchRule.of(backends).and(jul).as("adapters log through slf4j-api only");
    }

    /** {@link #logsThroughSlf4jOnly(Set)} with no class allowed to touch {@code java.util.logging}. */
    public static ArchRule logsThroughSlf4jOnly() {
        return logsThroughSlf4jOnly(Set.of());
    }

    /** Every rule of this set for the adapter whose base package is {@code ownBasePackage}. */
    public static List<ArchRule> all(String ownBasePackage, Set<String> julConfigurers) {
        return List.of(
                noEmulatorInProductionCode(),
                independentOfOtherAdapters(ownBasePackage),
                noCoreInternals(),
                logsThroughSlf4jOnly(julConfigurers));
    }
}
