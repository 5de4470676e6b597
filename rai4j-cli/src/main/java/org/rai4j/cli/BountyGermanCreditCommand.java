package org.rai4j.cli;

import org.rai4j.core.CsvText;
import org.rai4j.core.GermanCredit;
import org.rai4j.core.Splits;
import org.rai4j.core.Table;
import org.rai4j.report.OutputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code rai4j bounty german-credit}: writes the bundled German credit data (1000 applicants, label
 * {@code class} good/bad, plus {@code sex} and {@code age_band}) as a public training split and a
 * private holdout, to try {@code bounty simulate} and {@code bounty hunt} on real data.
 */
@Command(name = "german-credit", mixinStandardHelpOptions = true,
        description = "Write the bundled German credit data as train.csv and holdout.csv (a seeded random split) into a folder.")
public final class BountyGermanCreditCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for train.csv and holdout.csv.")
    Path out;

    @Option(names = "--holdout-fraction", defaultValue = "0.4", paramLabel = "F", description = "Share of rows in the holdout (default ${DEFAULT-VALUE}).")
    double holdoutFraction;

    @Option(names = "--seed", defaultValue = "2024", paramLabel = "S", description = "Split seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (!(holdoutFraction > 0 && holdoutFraction < 1)) {
            throw new UserException("--holdout-fraction must be in (0, 1), got " + holdoutFraction);
        }
        OutputFiles files = new OutputFiles();
        files.declare("--out", out.resolve("train.csv"));
        files.declare("--out", out.resolve("holdout.csv"));
        Table t = GermanCredit.load();
        int[][] split = Splits.bernoulli(t.rowCount(), holdoutFraction, seed);
        files.put(out.resolve("train.csv"), CsvText.of(t.select(split[0])));
        files.put(out.resolve("holdout.csv"), CsvText.of(t.select(split[1])));
        files.commit();
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%d rows) and %s (%d rows); label 'class' (good/bad)%n",
                out.resolve("train.csv"), split[0].length, out.resolve("holdout.csv"), split[1].length);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
