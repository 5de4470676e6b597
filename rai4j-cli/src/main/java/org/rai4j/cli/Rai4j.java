package org.rai4j.cli;

import org.rai4j.core.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code rai4j} command. Exit codes: 0 success, 1 bad input or failure (with a
 * message naming file, line and field), 2 bad usage, 3 a {@code --fail-if}/{@code --fail-on} gate held.
 */
@Command(name = "rai4j", mixinStandardHelpOptions = true, versionProvider = Rai4j.Version.class,
        description = "Responsible AI for the JVM: disaggregated evaluation, last-mile testing, bias bounties, privacy.",
        subcommands = {
                CommandLine.HelpCommand.class,
                DemoCommand.class,
                AuditCommand.class,
                CompareCommand.class,
                CardCommand.class,
                LastMileDemoCommand.class,
                BenchCommand.class,
                BountyCommand.class,
                PrivacyCommand.class,
                FlCommand.class,
                WerCommand.class,
                CoverageCommand.class,
                BiasCommand.class,
                MitigateCommand.class,
                SpeechCommand.class,
                TextCommand.class,
                ServeCommand.class,
        })
public final class Rai4j implements Runnable {
    /** Exit status when a gate condition ({@code --fail-if}, {@code --fail-on}) holds. */
    public static final int EXIT_GATE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * Runs the command line and exits with its status. Running out of memory ends in a short message
     * with the {@code -Xmx} advice and status 1, not a stack trace.
     */
    public static void main(String[] args) {
        int status;
        try {
            status = newCommandLine().execute(args);
        } catch (OutOfMemoryError e) {
            status = OutOfMemory.report(System.err);
        }
        System.exit(status);
    }

    /** A configured command line (also used by tests, which call {@code execute} without exiting). */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Rai4j());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        return cl;
    }

    /** Prints the rai4j version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"rai4j " + Provenance.rai4jVersion() + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
