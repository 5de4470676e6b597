package org.rai4j.cli;

import org.rai4j.core.Column;
import org.rai4j.core.Table;
import org.rai4j.core.Seeds;
import org.rai4j.report.OutputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
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
        SplittableRandom r = Seeds.stream(seed, 0);
        StringBuilder train = header(t);
        StringBuilder holdout = header(t);
        int nTrain = 0;
        int nHoldout = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            boolean toHoldout = r.nextDouble() < holdoutFraction;
            row(t, i, toHoldout ? holdout : train);
            if (toHoldout) {
                nHoldout++;
            } else {
                nTrain++;
            }
        }
        files.put(out.resolve("train.csv"), train.toString());
        files.put(out.resolve("holdout.csv"), holdout.toString());
        files.commit();
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%d rows) and %s (%d rows); label 'class' (good/bad)%n",
                out.resolve("train.csv"), nTrain, out.resolve("holdout.csv"), nHoldout);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static StringBuilder header(Table t) {
        StringBuilder sb = new StringBuilder();
        List<String> names = t.columnNames();
        for (int j = 0; j < names.size(); j++) {
            sb.append(j > 0 ? "," : "").append(csv(names.get(j)));
        }
        return sb.append('\n');
    }

    private static void row(Table t, int i, StringBuilder sb) throws Exception {
        List<String> names = t.columnNames();
        for (int j = 0; j < names.size(); j++) {
            Column c = t.column(names.get(j));
            String v = c.text(i);
            sb.append(j > 0 ? "," : "").append(v == null ? "" : csv(v));
        }
        sb.append('\n');
    }

    private static String csv(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || !v.equals(v.strip())) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
