package org.socialcare.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.socialcare.examples.demo.CareDayRun;
import org.socialcare.examples.demo.HtmlReport;
import org.socialcare.examples.demo.platforms.XApiVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code care-demo.jar}: the bank care desk demo (default command) and its tools.
 */
@Command(
        name = "care-demo",
        mixinStandardHelpOptions = true,
        version = "care-demo 0.1.0",
        description = "The care library's bank care desk demo: Northbank's care day, replayed through the desk.",
        subcommands = {CareDemo.Story.class, ReplayCommand.class})
public final class CareDemo implements Callable<Integer> {
    @CommandLine.Mixin
    DayOptions options = new DayOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The demo's command line: usage errors are one line on standard error under the program's own name (exit 2),
     * a database that cannot be reached is one line too (exit 1), never a stack trace.
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CareDemo());
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr()
                    .println(failed.getCommandSpec().qualifiedName() + ": " + e.getMessage() + " (see "
                            + failed.getCommandSpec().qualifiedName() + " --help)");
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionExceptionHandler((e, failed, parsed) -> {
            if (e instanceof DemoDatabase.UnavailableException) {
                failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        options.validate(spec.commandLine());
        return options.run(System.out);
    }

    /** Options of the care day (the default command). */
    static final class DayOptions {
        @Option(
                names = "--messages",
                defaultValue = "5000",
                description = "Inbound customer messages in the day (default: ${DEFAULT-VALUE}).")
        int messages;

        @Option(
                names = "--seed",
                defaultValue = "42",
                description = "Random seed; the same seed replays the same day (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(
                names = "--speed",
                defaultValue = "0",
                description =
                        "Simulated seconds per real second; 0 runs as fast as possible (default: ${DEFAULT-VALUE}).")
        double speed;

        @Option(
                names = "--report-dir",
                defaultValue = "target/care-report",
                description = "Where the HTML report goes (default: ${DEFAULT-VALUE}).")
        Path reportDir;

        @Option(
                names = "--platforms",
                defaultValue = "emulated",
                converter = PlatformsConverter.class,
                description =
                        "emulated: through the real adapters and local Twitter/Facebook emulators over HTTP on 127.0.0.1; "
                                + "direct: straight into the desk (default: ${DEFAULT-VALUE}).")
        CareDayRun.Platforms platforms;

        @Option(
                names = "--x-api",
                defaultValue = "v2",
                converter = XApiConverter.class,
                description =
                        "The X API of the emulated Twitter accounts: v2 (X API v2 source and publisher, "
                                + "OAuth 2.0) or v1.1 (twitter4j, OAuth 1.0a); the day is the same (default: ${DEFAULT-VALUE}).")
        XApiVersion xApi;

        @Option(names = "--no-story", description = "Skip the opening story of the customer on hold.")
        boolean noStory;

        @Option(
                names = "--keep-tables",
                description = "With --jdbc-url: keep the run's tables at the end (they are dropped by default).")
        boolean keepTables;

        @Option(
                names = "--jdbc-url",
                description = "Run against this database (PostgreSQL or MariaDB JDBC URL) instead of the embedded H2.")
        Optional<String> jdbcUrl;

        @Option(names = "--jdbc-user", description = "Database user for --jdbc-url.")
        Optional<String> jdbcUser;

        @Option(
                names = "--jdbc-password",
                description = "Database password for --jdbc-url (never printed).",
                arity = "0..1",
                interactive = true)
        Optional<String> jdbcPassword;

        /**
         * Checks every option before any work: counts and speeds in range, the report directory writable.
         *
         * @throws CommandLine.ParameterException naming the option and the value
         */
        void validate(CommandLine cli) {
            if (messages < 1) {
                throw new CommandLine.ParameterException(cli, "--messages must be at least 1 but was " + messages);
            }
            if (!(speed >= 0) || Double.isInfinite(speed)) {
                throw new CommandLine.ParameterException(
                        cli, "--speed must be 0 (as fast as possible) or a positive number but was " + speed);
            }
            if (keepTables && jdbcUrl.isEmpty()) {
                throw new CommandLine.ParameterException(
                        cli, "--keep-tables needs --jdbc-url (the embedded database goes with the run)");
            }
            try {
                Files.createDirectories(reportDir);
                Files.delete(Files.createTempFile(reportDir, ".care-demo-", ".probe"));
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                throw new CommandLine.ParameterException(
                        cli, "--report-dir " + reportDir + " is not a directory the report can be written to");
            }
        }

        /** Plays the story (unless skipped) and the day, printing everything but log lines to {@code out}. */
        Integer run(PrintStream out) throws Exception {
            if (!noStory) {
                new OnHoldStory().run(out);
                out.println();
            }
            CareDayRun.Outcome outcome;
            try (DemoDatabase db = DemoDatabase.open(jdbcUrl, jdbcUser, jdbcPassword, keepTables, out)) {
                out.printf(
                        Locale.ROOT,
                        "Northbank's care day: %d messages, seed %d, storage: %s, %s%n",
                        messages,
                        seed,
                        db.description(),
                        platforms == CareDayRun.Platforms.EMULATED
                                ? "through the adapters and local platform emulators"
                                : "delivered directly");
                outcome = CareDayRun.run(
                        db.storage(),
                        Optional.of(db.escalationFirings()),
                        Optional.of(db.approvals()),
                        Optional.of(db.channelStates()),
                        platforms,
                        xApi,
                        messages,
                        seed,
                        speed,
                        out);
            }
            out.println();
            out.print(outcome.report().toText());
            Path html = HtmlReport.write(outcome.report(), reportDir);
            out.println("HTML report: " + html.toAbsolutePath());
            return 0;
        }
    }

    /** Reads {@code emulated} / {@code direct} in any case. */
    static final class PlatformsConverter implements CommandLine.ITypeConverter<CareDayRun.Platforms> {
        @Override
        public CareDayRun.Platforms convert(String value) {
            for (CareDayRun.Platforms p : CareDayRun.Platforms.values()) {
                if (p.name().equalsIgnoreCase(value.strip())) {
                    return p;
                }
            }
            throw new CommandLine.TypeConversionException(
                    "--platforms must be 'emulated' or 'direct' but was '" + value + "'");
        }
    }

    /** Reads {@code v2} / {@code v1.1} (also {@code 2}, {@code 1.1}, any case). */
    static final class XApiConverter implements CommandLine.ITypeConverter<XApiVersion> {
        @Override
        public XApiVersion convert(String value) {
            try {
                return XApiVersion.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("--x-api must be 'v2' or 'v1.1' but was '" + value + "'");
            }
        }
    }

    /** Story 1 alone, with its full timeline. */
    @Command(
            name = "story",
            mixinStandardHelpOptions = true,
            description = "Plays the customer-on-hold story and prints its timeline.")
    static final class Story implements Callable<Integer> {
        @Override
        public Integer call() {
            new OnHoldStory().run(System.out);
            return 0;
        }
    }
}
