package org.rai4j.speech;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.rai4j.core.Hashing;
import org.rai4j.core.Seeds;

/**
 * Runs a synthetic speech audit: every speaker says its prompts (text-to-speech), each clip is put
 * through every acoustic condition (sox, noise mixed at the stated SNR) and recognised; the result is a
 * CSV of reference and hypothesis per utterance ({@link UtteranceRecord#COLUMNS}).
 *
 * <p>Work is done per (speaker, prompt) unit; each finished unit is written atomically under
 * {@code outDir/work/units/}, so an interrupted run resumes where it stopped when started again with the
 * same plan. At the end the units are merged, in plan order, into {@code outDir/utterances.csv} (written
 * to a temporary file and moved into place) and the work directory is removed. Results do not depend on
 * the number of jobs: the noise segment of each utterance is drawn from a generator seeded by the master
 * seed and the utterance id.
 *
 * <p>Not thread-safe; one run at a time per output directory.
 */
public final class SynthesisAudit {
    /** Receives progress: utterances done out of the total, and the last utterance id. */
    @FunctionalInterface
    public interface ProgressListener {
        /** Called after each finished unit (and once at the start with the units already done). */
        void progress(long done, long total, String message);
    }

    /**
     * The outcome of a run.
     *
     * @param csv          the utterances file written
     * @param records      its rows, in plan order
     * @param toolVersions program → version string, as reported by the programs
     * @param resumedUnits units found finished from an earlier, interrupted run
     */
    public record Result(Path csv, List<UtteranceRecord> records, Map<String, String> toolVersions, long resumedUnits) {
        public Result {
            records = List.copyOf(records);
            toolVersions = Collections.unmodifiableMap(new LinkedHashMap<>(toolVersions));
        }
    }

    private final SynthesisPlan plan;

    /** A run of {@code plan}. */
    public SynthesisAudit(SynthesisPlan plan) {
        this.plan = plan;
    }

    /** The prompts speaker {@code index} says: a window of the seeded shuffle, so that speakers together cover all prompts. */
    static List<Prompt> promptsOf(SynthesisPlan plan, int index) {
        List<Prompt> shuffled = new ArrayList<>(plan.prompts());
        Collections.shuffle(shuffled, new java.util.Random(plan.seed()));
        int n = shuffled.size();
        int k = Math.min(plan.promptsPerSpeaker(), n);
        if (k == n) {
            return plan.prompts();
        }
        List<Prompt> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(shuffled.get((index * k + i) % n));
        }
        return out;
    }

    /**
     * Runs the plan.
     *
     * @throws MissingToolException before any work when a program is missing
     */
    public Result run(ProgressListener progress) throws MissingToolException, IOException, InterruptedException {
        ExternalTool.requireAll(plan.requiredTools());
        plan.asr().checkAvailable();
        Path out = plan.outDir();
        Files.createDirectories(out);
        Path work = out.resolve("work");
        Path units = work.resolve("units");
        Files.createDirectories(units);
        Path audioDir = out.resolve("audio");
        if (plan.keepAudio()) {
            Files.createDirectories(audioDir);
        }
        Map<String, String> versions = toolVersions();
        Synthesizer tts = new Synthesizer(work);
        ConditionRenderer renderer = ConditionRenderer.prepare(work, plan.conditions(), plan.speakers(), plan.prompts(), tts,
                plan.seed());

        List<Unit> todo = new ArrayList<>();
        List<Unit> all = new ArrayList<>();
        int[] dealIndex = dealIndices(plan.speakers());
        for (int s = 0; s < plan.speakers().size(); s++) {
            Speaker speaker = plan.speakers().get(s);
            for (Prompt p : promptsOf(plan, dealIndex[s])) {
                Unit u = new Unit(speaker, p, units.resolve(speaker.id() + "__" + p.id() + ".csv"), dealIndex[s]);
                all.add(u);
                if (!Files.exists(u.file())) {
                    todo.add(u);
                }
            }
        }
        // Work round-robin over voices (every voice's first speaker, then every voice's second, …), so that
        // a run stopped early has the first speakers of every voice, which a smaller --speakers-per-voice reuses.
        todo.sort(java.util.Comparator.comparingInt(Unit::dealIndex));
        long total = plan.utterances();
        long resumed = all.size() - todo.size();
        AtomicLong done = new AtomicLong(resumed * plan.conditions().size());
        progress.progress(done.get(), total, resumed > 0 ? "resuming: " + resumed + " units already done" : "starting");

        BlockingQueue<Recognizer> recognizers = new ArrayBlockingQueue<>(plan.jobs());
        ExecutorService pool = Executors.newFixedThreadPool(plan.jobs(), r -> {
            Thread t = new Thread(r, "rai4j-speech-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            Path[] lmFiles = writeLanguageModel(plan, out);
            for (int j = 0; j < plan.jobs(); j++) {
                recognizers.add(lmFiles == null ? plan.asr().create() : plan.asr().create(lmFiles[0], lmFiles[1]));
            }
            List<Future<?>> futures = new ArrayList<>();
            for (Unit u : todo) {
                futures.add(pool.submit(() -> {
                    Recognizer asr = recognizers.take();
                    try {
                        List<UtteranceRecord> rows = process(u, tts, renderer, asr, work, audioDir);
                        writeAtomically(u.file(), csv(rows, false));
                        long d = done.addAndGet(rows.size());
                        progress.progress(d, total, u.speaker().id() + " " + u.prompt().id());
                    } finally {
                        recognizers.add(asr);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    if (c instanceof InterruptedException ie) {
                        throw ie;
                    }
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IOException(c);
                }
            }
        } finally {
            pool.shutdownNow();
            for (Recognizer r : recognizers) {
                r.close();
            }
        }

        List<UtteranceRecord> records = new ArrayList<>();
        for (Unit u : all) {
            records.addAll(readUnit(u.file()));
        }
        Path csv = out.resolve("utterances.csv");
        writeAtomically(csv, csv(records, true));
        deleteTree(work);
        return new Result(csv, records, versions, resumed);
    }

    private record Unit(Speaker speaker, Prompt prompt, Path file, int dealIndex) {}

    /**
     * Each speaker's position in the round-robin order over voices: speaker k (0-based) of the v-th
     * distinct voice gets {@code k · V + v}. Prompts are dealt by this index, so a speaker says the same
     * prompts whatever the number of speakers per voice (runs with fewer speakers are prefixes of runs
     * with more).
     */
    static int[] dealIndices(List<Speaker> speakers) {
        List<String> voices = new ArrayList<>();
        for (Speaker s : speakers) {
            if (!voices.contains(s.voice().name())) {
                voices.add(s.voice().name());
            }
        }
        Map<String, Integer> seen = new java.util.HashMap<>();
        int[] out = new int[speakers.size()];
        for (int i = 0; i < speakers.size(); i++) {
            String v = speakers.get(i).voice().name();
            int k = seen.merge(v, 1, Integer::sum) - 1;
            out[i] = k * voices.size() + voices.indexOf(v);
        }
        return out;
    }

    /** File name of the domain language model written into the output directory. */
    public static final String DOMAIN_LM_FILE = "domain.lm";
    /** File name of the domain dictionary written into the output directory. */
    public static final String DOMAIN_DICT_FILE = "domain.dict";

    /**
     * Writes the domain language model and dictionary of the plan's prompts to {@code out} (kept with
     * the results) and returns their paths, or null for the general model.
     */
    static Path[] writeLanguageModel(SynthesisPlan plan, Path out) throws IOException {
        if (!plan.lm().domain()) {
            return null;
        }
        List<String> sentences = new ArrayList<>();
        for (Prompt p : plan.prompts()) {
            sentences.add(p.text());
        }
        DomainLanguageModel model = new DomainLanguageModel(sentences, plan.lm().order(), plan.lm().discount());
        Path lm = out.resolve(DOMAIN_LM_FILE);
        Path dict = out.resolve(DOMAIN_DICT_FILE);
        writeAtomically(lm, model.toArpa());
        writeAtomically(dict, DomainLexicon.forWords(model.vocabulary(),
                Path.of(PocketsphinxRecognizer.DEFAULT_MODEL_DIR, "cmudict-en-us.dict")));
        return new Path[] {lm, dict};
    }

    private List<UtteranceRecord> process(Unit u, Synthesizer tts, ConditionRenderer renderer, Recognizer asr, Path work,
                                          Path audioDir) throws IOException, InterruptedException {
        Audio clean = tts.speak(u.speaker(), u.prompt().text());
        List<UtteranceRecord> rows = new ArrayList<>();
        for (AcousticCondition c : plan.conditions()) {
            String id = u.speaker().id() + "/" + u.prompt().id() + "/" + c.name();
            SplittableRandom rng = new SplittableRandom(Seeds.derive(plan.seed(), Hashing.sha256(id).hashCode()));
            Audio audio = renderer.render(clean, c, rng);
            Path wav = plan.keepAudio() ? audioDir.resolve(id.replace('/', '_') + ".wav") : Files.createTempFile(work, "asr-", ".wav");
            try {
                audio.write(wav);
                String heard = asr.transcribe(wav);
                Speaker s = u.speaker();
                rows.add(new UtteranceRecord(id, s.id(), s.voice().name(), s.voice().accent(), c.name(), c.snrDb(),
                        u.prompt().text(), heard, u.prompt().id(), u.prompt().domain(), s.voice().engine().id(), asr.name(),
                        s.timbre(), s.rate(), s.semitones(), audio.seconds()));
            } finally {
                if (!plan.keepAudio()) {
                    Files.deleteIfExists(wav);
                }
            }
        }
        return rows;
    }

    /** CSV text of {@code rows}, with the header line when {@code header}. */
    static String csv(List<UtteranceRecord> rows, boolean header) {
        StringWriter sw = new StringWriter();
        try (CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(sw)) {
            if (header) {
                w.writeRecord(UtteranceRecord.COLUMNS);
            }
            for (UtteranceRecord r : rows) {
                w.writeRecord(r.fields());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    private static List<UtteranceRecord> readUnit(Path file) throws IOException {
        List<UtteranceRecord> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(file)) {
            for (CsvRecord rec : r) {
                List<String> f = rec.getFields();
                if (f.size() != UtteranceRecord.COLUMNS.size()) {
                    throw new IOException(file + ":" + rec.getStartingLineNumber() + ": expected "
                            + UtteranceRecord.COLUMNS.size() + " fields, got " + f.size() + " (delete the file to redo this unit)");
                }
                rows.add(new UtteranceRecord(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4),
                        f.get(5).isEmpty() ? Double.NaN : Double.parseDouble(f.get(5)), f.get(6), f.get(7), f.get(8),
                        f.get(9), f.get(10), f.get(11), f.get(12), Double.parseDouble(f.get(13)),
                        Double.parseDouble(f.get(14)), Double.parseDouble(f.get(15))));
            }
        }
        return rows;
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            // temporary files are created owner-only; results get the normal rw-r--r--
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private Map<String, String> toolVersions() throws InterruptedException {
        Map<String, String> v = new LinkedHashMap<>();
        for (ExternalTool t : plan.requiredTools()) {
            String version = switch (t.command()) {
                case "espeak-ng" -> firstLine(List.of("espeak-ng", "--version"));
                case "flite" -> fliteVersion();
                case "sox" -> firstLine(List.of("sox", "--version"));
                case "pocketsphinx_continuous" -> "pocketsphinx " + firstLine(List.of("dpkg-query", "-W", "-f=${Version}", "pocketsphinx"));
                default -> null;
            };
            if (version != null) {
                v.put(t.command(), version);
            }
        }
        if (plan.asr() == AsrBackend.SPHINX4) {
            v.put("sphinx4", "net.sf.phat:sphinx4-core/sphinx4-data 5prealpha");
        }
        return v;
    }

    /** flite prints its version with {@code --version} but exits with status 1. */
    private static String fliteVersion() throws InterruptedException {
        try {
            for (String line : ProcessRunner.run(List.of("flite", "--version"), null, 30, false).stdout().split("\n")) {
                if (line.contains("version:")) {
                    return "flite " + line.substring(line.indexOf("version:") + 8).strip();
                }
            }
            return "unknown";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String firstLine(List<String> command) throws InterruptedException {
        try {
            String s = ProcessRunner.run(command, null, 30).stdout().strip();
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl);
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
