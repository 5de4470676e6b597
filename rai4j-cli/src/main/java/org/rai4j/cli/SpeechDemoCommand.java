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
import org.rai4j.speech.ConditionEffect;
import org.rai4j.speech.SpeechAudit;
import org.rai4j.speech.SpeechCounts;
import org.rai4j.speech.SpeechMetric;
import org.rai4j.speech.SpeechScorer;
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

    @Option(names = "--min-group-size", defaultValue = "30", description = "Minimum slice size (default ${DEFAULT-VALUE}).")
    int minGroupSize;

    @Option(names = "--condition", defaultValue = "hospital", paramLabel = "NAME",
            description = "Condition whose effect (vs clean) is compared across accents (default ${DEFAULT-VALUE}).")
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
        AuditSpec auditSpec = SpeechAudit.spec("reference", "hypothesis", List.of("accent", "condition"), minGroupSize,
                0.95, bootstrap, seed);
        TextNormalizer normalizer = TextNormalizer.DEFAULT;
        SpeechAudit.Result result;
        try (Progress p = Progress.start("bootstrap", bootstrap)) {
            result = SpeechAudit.run(table, auditSpec, normalizer, "speaker", p.listener());
        }
        List<ConditionEffect> effects = effects(table, normalizer);
        String title = String.format(Locale.ROOT, "Effect of '%s' vs 'clean' on WER, by accent (paired: the same speakers "
                + "and prompts; speaker-cluster bootstrap, B=%d). differential = accent's effect − all accents' effect:", condition, bootstrap);
        return SpeechAuditRunner.emit(result, effects, title, output, output.conditions(), run, out, spec.commandLine().getErr());
    }

    private List<ConditionEffect> effects(Table table, TextNormalizer normalizer) throws Exception {
        Column ref = table.column("reference");
        Column hyp = table.column("hypothesis");
        SpeechScorer scorer = new SpeechScorer(normalizer);
        List<SpeechCounts> counts = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            counts.add(SpeechCounts.of(scorer.score(ref.text(r), hyp.text(r))));
        }
        List<String> conditions = texts(table.column("condition"));
        if (!conditions.contains(condition) || !conditions.contains("clean")) {
            throw new UserException("--condition: the data has conditions " + String.join(", ", new LinkedHashSet<>(conditions))
                    + "; expected one of them (compared with clean), got '" + condition + "'");
        }
        return ConditionEffect.compute(texts(table.column("accent")), conditions, texts(table.column("speaker")), counts,
                "clean", condition, SpeechMetric.WER, bootstrap, seed, 0.95);
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
