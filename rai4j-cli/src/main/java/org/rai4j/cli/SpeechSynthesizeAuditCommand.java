package org.rai4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rai4j.core.Provenance;
import org.rai4j.speech.AcousticCondition;
import org.rai4j.speech.AsrBackend;
import org.rai4j.speech.LanguageModelChoice;
import org.rai4j.speech.ExternalTool;
import org.rai4j.speech.MissingToolException;
import org.rai4j.speech.Prompt;
import org.rai4j.speech.Speaker;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.Table;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.speech.SpeechAudit;
import org.rai4j.speech.SynthesisAudit;
import org.rai4j.speech.SynthesisPlan;
import org.rai4j.speech.Voice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rai4j speech synthesize-audit}: TTS voices × acoustic conditions → recogniser → CSV and a WER summary. */
@Command(name = "synthesize-audit", mixinStandardHelpOptions = true,
        description = {"Synthesises every prompt with every speaker (espeak-ng/flite voices with rate and pitch variants), "
                + "applies every acoustic condition (sox; noise mixed at the stated SNR), recognises the audio "
                + "(pocketsphinx or the pure-Java Sphinx4) and writes DIR/utterances.csv with reference and hypothesis "
                + "per utterance, DIR/synthesis.json (plan, tool versions, provenance), then audits it by accent and "
                + "condition (speaker-cluster bootstrap) into DIR/audit.json.",
                "An interrupted run resumes when started again with the same options."})
final class SpeechSynthesizeAuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--prompts", required = true, paramLabel = "FILE",
            description = "CSV with columns prompt_id, text and optionally domain.")
    Path prompts;

    @Option(names = "--voices", split = ",", paramLabel = "LIST",
            description = "Voices: en-us, en-us-nyc, en-gb, en-gb-x-rp, en-gb-scotland, en-gb-x-gbclan, en-gb-x-gbcwmd, "
                    + "en-029 (espeak-ng), kal, awb, rms, slt (flite). Default: all twelve.")
    List<String> voices = new ArrayList<>();

    @Option(names = "--speakers-per-voice", defaultValue = "1", paramLabel = "N",
            description = "Speakers per voice, differing in rate and pitch (default ${DEFAULT-VALUE}).")
    int speakersPerVoice;

    @Option(names = "--conditions", split = ",", required = true, paramLabel = "LIST",
            description = "Acoustic conditions: clean, white-SNR, pink-SNR, babble-SNR, telephone, reverb[-PERCENT], band-LO-HI, "
                    + "mask-DB, lowpass-HZ, tempo-F, hospital[-SNR], or stages joined by '+' (applied left to right), "
                    + "e.g. clean,babble-10,mask-8+reverb-40+hospital-15.")
    List<String> conditions;

    @Option(names = "--asr", defaultValue = "pocketsphinx", paramLabel = "NAME",
            description = "Recogniser: pocketsphinx (fast; Debian packages pocketsphinx, pocketsphinx-en-us) or sphinx4 "
                    + "(pure Java, bundled, slow). Default: ${DEFAULT-VALUE}.")
    String asr;

    @Option(names = "--lm", defaultValue = "general", paramLabel = "MODEL",
            description = "Language model of the recogniser: general (its own English model) or domain (an n-gram model "
                    + "of the prompt set written by rai4j into DIR/domain.lm with its dictionary DIR/domain.dict, as a "
                    + "deployed voice-command system would use; pocketsphinx only). Default: ${DEFAULT-VALUE}.")
    String lm;

    @Option(names = "--lm-order", defaultValue = "2", paramLabel = "N",
            description = "n-gram order of --lm domain (1-3, default ${DEFAULT-VALUE}).")
    int lmOrder;

    @Option(names = "--lm-discount", defaultValue = "0.9", paramLabel = "D",
            description = "Absolute discount of --lm domain in (0, 1): larger leaves less of the prompts memorised "
                    + "(default ${DEFAULT-VALUE}).")
    double lmDiscount;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--prompts-per-speaker", paramLabel = "N",
            description = "Prompts each speaker says, the same under every condition (default: all).")
    Integer promptsPerSpeaker;

    @Option(names = "--seed", defaultValue = "1", description = "Master seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--jobs", defaultValue = "1", description = "Worker threads (default ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--keep-audio", description = "Keep every conditioned WAV under DIR/audio.")
    boolean keepAudio;

    @Option(names = "--bootstrap", defaultValue = "1000", description = "Bootstrap replicates of the audit (default ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--min-group-size", defaultValue = "2", description = "Minimum number of speakers per slice of the audit "
            + "(it resamples whole speakers; default ${DEFAULT-VALUE}; slices with fewer than 10 speakers are FEW_CLUSTERS).")
    int minGroupSize;

    @Mixin
    SpeechNormalizationOptions normalization = new SpeechNormalizationOptions();

    @Override
    public Integer call() throws Exception {
        List<Voice> voiceList = new ArrayList<>();
        if (voices.isEmpty()) {
            voiceList.addAll(Voice.CATALOGUE);
        } else {
            for (String v : voices) {
                voiceList.add(parse(() -> Voice.parse(v), "--voices"));
            }
        }
        List<AcousticCondition> conditionList = new ArrayList<>();
        for (String c : conditions) {
            conditionList.add(parse(() -> AcousticCondition.parse(c), "--conditions"));
        }
        AsrBackend backend = parse(() -> AsrBackend.fromId(asr), "--asr");
        if (speakersPerVoice < 1 || jobs < 1 || (promptsPerSpeaker != null && promptsPerSpeaker < 1)) {
            throw new UserException("--speakers-per-voice, --prompts-per-speaker and --jobs must be >= 1");
        }
        RunOutputs run = new RunOutputs().input("--prompts", prompts);
        run.declare("--out", out.resolve("synthesis.json"));
        run.declare("--out", out.resolve("audit.json"));
        List<Prompt> promptList = Prompt.read(prompts);
        List<Speaker> speakers = Speaker.of(voiceList, speakersPerVoice);
        LanguageModelChoice lmChoice = switch (lm) {
            case "general" -> LanguageModelChoice.GENERAL;
            case "domain" -> parse(() -> LanguageModelChoice.domain(lmOrder, lmDiscount), "--lm-order/--lm-discount");
            default -> throw new UserException("--lm must be general or domain, got '" + lm + "'");
        };
        SynthesisPlan plan = parse(() -> new SynthesisPlan(promptList, speakers, conditionList, backend, out,
                promptsPerSpeaker == null ? promptList.size() : promptsPerSpeaker, seed, jobs, keepAudio, lmChoice), "--lm");
        try {
            ExternalTool.requireAll(plan.requiredTools());
            plan.asr().checkAvailable();
        } catch (MissingToolException e) {
            throw new UserException(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "rai4j: %d speakers × %d prompts each × %d conditions = %d utterances, recogniser %s%n",
                speakers.size(), Math.min(plan.promptsPerSpeaker(), promptList.size()), conditionList.size(),
                plan.utterances(), backend.id());
        err.flush();
        SynthesisAudit.Result result;
        try (Progress bar = Progress.start("synthesize+recognise", plan.utterances())) {
            result = new SynthesisAudit(plan).run((done, total, message) -> {
                synchronized (bar) {
                    bar.message(message);
                    bar.stepTo(done);
                }
            });
        } catch (MissingToolException e) {
            throw new UserException(e.getMessage());
        }
        writeManifest(plan, result, run);
        run.finish(spec.commandLine().getOut(), err);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("wrote %s (%d utterances) and %s%n%n", result.csv(), result.records().size(), out.resolve("synthesis.json"));
        o.flush();
        return audit(result.csv(), run);
    }

    /** The audit of the new data: by accent and condition, speaker-cluster bootstrap; JSON to DIR/audit.json. */
    private int audit(Path csv, RunOutputs run) throws Exception {
        Table table = new CsvTableReader(new CsvOptions(',', java.util.Set.of(""), CsvOptions.DEFAULT.maxLevels())).read(csv);
        AuditSpec auditSpec = SpeechAudit.spec("reference", "hypothesis", List.of("accent", "condition"), minGroupSize,
                0.95, bootstrap, seed);
        SpeechAudit.Result r;
        try (Progress p = Progress.start("bootstrap", bootstrap)) {
            r = SpeechAudit.run(table, auditSpec, normalization.normalizer(), "speaker", p.listener());
        }
        AuditOutput output = new AuditOutput();
        output.json = out.resolve("audit.json").toString();
        return SpeechAuditRunner.emit(r, output, List.of(), run, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parse(Parse<T> p, String option) {
        try {
            return p.get();
        } catch (IllegalArgumentException e) {
            throw new UserException(option + ": " + e.getMessage());
        }
    }

    private void writeManifest(SynthesisPlan plan, SynthesisAudit.Result result, RunOutputs run) throws Exception {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("prompts", prompts.toString());
        config.put("voices", String.join(",", plan.speakers().stream().map(s -> s.voice().name()).distinct().toList()));
        config.put("speakers_per_voice", Integer.toString(speakersPerVoice));
        config.put("conditions", String.join(",", conditions));
        config.put("asr", plan.asr().id());
        config.put("lm", plan.lm().id());
        config.put("prompts_per_speaker", Integer.toString(plan.promptsPerSpeaker()));
        config.put("jobs", Integer.toString(jobs));
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put(prompts.toString(), org.rai4j.core.Hashing.sha256(prompts));
        inputs.put("utterances.csv", org.rai4j.core.Hashing.sha256(result.csv()));
        Provenance provenance = Provenance.current(seed, inputs, config);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("utterances", result.records().size());
        m.put("tools", result.toolVersions());
        m.put("provenance", provenance);
        List<Map<String, Object>> speakers = new ArrayList<>();
        for (Speaker s : plan.speakers()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("speaker", s.id());
            sm.put("voice", s.voice().name());
            sm.put("tts", s.voice().engine().id());
            sm.put("accent", s.voice().accent());
            sm.put("timbre", s.timbre());
            sm.put("rate", s.rate());
            sm.put("semitones", s.semitones());
            speakers.add(sm);
        }
        m.put("speakers", speakers);
        run.json(m, out.resolve("synthesis.json").toString());
    }
}
