package org.rai4j.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rai4j.core.Column;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.Table;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.Adjustment;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.fairness.ComparisonSpec;
import org.rai4j.speech.SpeechAudit;
import org.rai4j.speech.TextNormalizer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rai4j demo speech}: audits the bundled synthetic speech data set (data/speech/utterances.csv,
 * recognised by pocketsphinx) offline: WER by accent and by condition with speaker-cluster bootstrap
 * intervals, the coverage of accent × condition, and the differential effect of the hospital imaging
 * room across accents.
 */
@Command(name = "speech", mixinStandardHelpOptions = true,
        description = "Audit the bundled speech recognition data (synthetic speakers with 8 accents × 7 acoustic conditions, "
                + "recognised by pocketsphinx): WER by accent and condition with intervals, coverage, and the hospital "
                + "condition's differential effect across accents. Offline, no installs.")
final class SpeechDemoCommand implements Callable<Integer> {
    static final String RESOURCE = "/org/rai4j/cli/data/speech/utterances.csv";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    AuditOutput output = new AuditOutput();

    @Option(names = "--bootstrap", defaultValue = "1000", description = "Bootstrap replicates (default ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "42", description = "Bootstrap seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--condition", paramLabel = "NAME",
            description = "Condition compared with clean speech across accents, as a last-mile comparison (default: the "
                    + "hospital condition of the data).")
    String condition;

    @Override
    public Integer call() throws Exception {
        RunOutputs run = new RunOutputs();
        output.declare(run);
        Table table;
        try (InputStream in = SpeechDemoCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new UserException("the bundled speech data is missing from this build (" + RESOURCE
                        + "); rebuild with data/speech/utterances.csv present");
            }
            table = new CsvTableReader(new CsvOptions(',', java.util.Set.of(""), CsvOptions.DEFAULT.maxLevels()))
                    .read(in, "data/speech/utterances.csv", bytes -> { });
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter info = "-".equals(output.json) ? spec.commandLine().getErr() : out;
        describe(table, info);
        TextNormalizer normalizer = TextNormalizer.DEFAULT;
        AuditSpec auditSpec = SpeechAudit.spec("reference", "hypothesis", List.of("accent", "condition"), MIN_CLUSTERS,
                0.95, bootstrap, seed);
        SpeechAudit.Result result;
        try (Progress p = Progress.start("bootstrap", bootstrap)) {
            result = SpeechAudit.run(table, auditSpec, normalizer, "speaker", p.listener());
        }
        String target = condition != null ? condition : hospitalCondition(table);
        ComparisonResult effect = conditionEffect(table, normalizer, target);
        return SpeechAuditRunner.emit(result, effect, new String[] {"condition=clean", "condition=" + target}, output,
                output.conditions(), run, out, spec.commandLine().getErr());
    }

    /** Minimum group size of the demo's audits, in speakers (the audits resample whole speakers). */
    static final int MIN_CLUSTERS = 2;

    private static String hospitalCondition(Table table) throws Exception {
        for (String c : new LinkedHashSet<>(texts(table.column("condition")))) {
            if (c.startsWith("hospital")) {
                return c;
            }
        }
        throw new UserException("the bundled data has no hospital condition; choose one with --condition");
    }

    /**
     * The effect of {@code target} vs clean speech by accent: the clean rows are the baseline audit, the
     * target rows the candidate, compared by {@link SpeechAudit#compare} (speaker clusters, Holm).
     */
    private ComparisonResult conditionEffect(Table table, TextNormalizer normalizer, String target) throws Exception {
        List<String> conditions = texts(table.column("condition"));
        if (!conditions.contains(target) || !conditions.contains("clean") || target.equals("clean")) {
            throw new UserException("--condition: the data has conditions " + String.join(", ", new LinkedHashSet<>(conditions))
                    + "; expected one of them other than clean, got '" + target + "'");
        }
        AuditSpec byAccent = SpeechAudit.spec("reference", "hypothesis", List.of("accent"), MIN_CLUSTERS, 0.95, 0, seed);
        SpeechAudit.Result base = SpeechAudit.run(table.select(rowsWith(conditions, "clean")), byAccent, normalizer, "speaker",
                b -> { });
        SpeechAudit.Result cand = SpeechAudit.run(table.select(rowsWith(conditions, target)), byAccent, normalizer, "speaker",
                b -> { });
        return SpeechAudit.compare(base, cand, new ComparisonSpec("wer", null, null, 0.95, bootstrap, seed, Adjustment.HOLM));
    }

    private static int[] rowsWith(List<String> values, String value) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < values.size(); r++) {
            if (values.get(r).equals(value)) {
                rows.add(r);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<String> texts(Column c) {
        List<String> out = new ArrayList<>(c.size());
        for (int r = 0; r < c.size(); r++) {
            out.add(c.text(r));
        }
        return out;
    }

    private static void describe(Table t, PrintWriter info) throws Exception {
        int speakers = new LinkedHashSet<>(texts(t.column("speaker"))).size();
        int voices = new LinkedHashSet<>(texts(t.column("voice"))).size();
        int accents = new LinkedHashSet<>(texts(t.column("accent"))).size();
        int conditions = new LinkedHashSet<>(texts(t.column("condition"))).size();
        String asr = String.join(", ", new LinkedHashSet<>(texts(t.column("asr"))));
        info.printf(Locale.ROOT, "Synthetic speech audit (data/speech, sha256 %s…): %d utterances, %d speakers (%d voices, "
                        + "%d accents) × %d conditions, recognised by %s.%n%n", t.sha256().substring(0, 12), t.rowCount(),
                speakers, voices, accents, conditions, asr);
        info.flush();
    }
}
