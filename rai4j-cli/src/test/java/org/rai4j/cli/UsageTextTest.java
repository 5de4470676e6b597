package org.rai4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} renders: picocli treats descriptions as format strings, so a bare
 * {@code %} (as in "95% confidence") throws {@code UnknownFormatConversionException} when a user asks
 * for help. This walks the whole command tree through the public entry point.
 */
class UsageTextTest {

    @Test
    void everyCommandsHelp_rendersWithoutFormatErrors() {
        List<List<String>> paths = new ArrayList<>();
        collect(Rai4j.newCommandLine(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(30);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            String where = "rai4j " + String.join(" ", args);
            assertThat(run.status()).as(where + " exit status; stderr: " + run.err()).isZero();
            assertThat(run.err()).as(where + " stderr").isEmpty();
            assertThat(run.out()).as(where + " usage").startsWith("Usage: rai4j")
                    .doesNotContain("UnknownFormatConversion").doesNotContain("%n");
        }
    }

    @Test
    void percentSigns_inHelp_areRenderedLiterally() {
        CliRun bound = CliRun.of("privacy", "audit-bound", "--help");
        assertThat(bound.out()).contains("95% confidence");
        CliRun audit = CliRun.of("privacy", "audit", "--help");
        assertThat(audit.out()).contains("0.1% and 1% FPR");
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
        out.add(List.copyOf(prefix));
        for (var entry : cl.getSubcommands().entrySet()) {
            if (!entry.getKey().equals(entry.getValue().getCommandName())) {
                continue; // an alias of a command already visited under its own name
            }
            if (entry.getKey().equals("help")) {
                continue;
            }
            List<String> next = new ArrayList<>(prefix);
            next.add(entry.getKey());
            collect(entry.getValue(), next, out);
        }
    }
}
