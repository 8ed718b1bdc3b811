package org.socialcare.testkit.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs a contract subclass with a planted fault through the JUnit launcher and reports which tests failed. */
public final class ContractRunner {
    private static volatile boolean running;

    private ContractRunner() {}

    /** True while {@link #failedTests} runs a class; enables {@link PlantedFault} classes. */
    public static boolean isRunning() {
        return running;
    }

    /** The display names of the failed tests of {@code testClass} (which must run at least one test). */
    public static Set<String> failedTests(Class<?> testClass) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        synchronized (ContractRunner.class) {
            running = true;
            try {
                launcher.execute(request().selectors(selectClass(testClass)).build(), listener);
            } finally {
                running = false;
            }
        }
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsStartedCount())
                .as("tests run in %s", testClass.getSimpleName())
                .isPositive();
        Set<String> failed = new TreeSet<>();
        for (TestExecutionSummary.Failure f : summary.getFailures()) {
            failed.add(f.getTestIdentifier().getDisplayName().replace("()", ""));
        }
        return failed;
    }
}
