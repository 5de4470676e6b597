package org.rai4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rai4j.core.Table;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.speech.SpeechAudit;
import org.rai4j.speech.SpeechDemo;
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
        Table table = SpeechDemo.load();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter info = "-".equals(output.json) ? spec.commandLine().getErr() : out;
        SpeechDemo.Description d = SpeechDemo.describe(table);
        info.printf(Locale.ROOT, "Synthetic speech audit (data/speech, sha256 %s…): %d utterances, %d speakers (%d voices, "
                        + "%d accents) × %d conditions, recognised by %s.%n%n", d.sha256().substring(0, 12), d.utterances(),
                d.speakers(), d.voices(), d.accents(), d.conditions(), String.join(", ", d.asr()));
        info.flush();
        TextNormalizer normalizer = TextNormalizer.DEFAULT;
        AuditSpec auditSpec = SpeechAudit.spec("reference", "hypothesis", List.of("accent", "condition"), SpeechDemo.MIN_CLUSTERS,
                0.95, bootstrap, seed);
        SpeechAudit.Result result;
        try (Progress p = Progress.start("bootstrap", bootstrap)) {
            result = SpeechAudit.run(table, auditSpec, normalizer, "speaker", p.listener());
        }
        String target = condition != null ? condition : SpeechDemo.hospitalCondition(table);
        if (target == null) {
            throw new UserException("the bundled data has no hospital condition; choose one with --condition");
        }
        try {
            SpeechDemo.checkCondition(table, target);
        } catch (IllegalArgumentException e) {
            throw new UserException("--condition: " + e.getMessage());
        }
        ComparisonResult effect = SpeechDemo.conditionEffect(table, normalizer, target, bootstrap, seed);
        return SpeechAuditRunner.emit(result, effect, new String[] {"condition=clean", "condition=" + target}, output,
                output.conditions(), run, out, spec.commandLine().getErr());
    }
}
