package org.socialcare.examples;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code care-demo.jar}: the bank care desk demo (default command) and its tools.
 */
@Command(
        name = "care-demo",
        mixinStandardHelpOptions = true,
        version = "care-demo 0.1.0",
        description = "The care library's bank care desk demo.",
        subcommands = {CareDemo.Demo.class})
public final class CareDemo implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(new CommandLine(new CareDemo()).execute(args));
    }

    @Override
    public Integer call() {
        return new Demo().call();
    }

    /** The main job. */
    @Command(name = "demo", mixinStandardHelpOptions = true, description = "Runs the bank care desk demo (the default).")
    static final class Demo implements Callable<Integer> {
        @Override
        public Integer call() {
            new OnHoldStory().run(System.out);
            return 0;
        }
    }
}
