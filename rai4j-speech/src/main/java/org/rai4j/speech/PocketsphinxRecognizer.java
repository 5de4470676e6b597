package org.rai4j.speech;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * CMU PocketSphinx ({@code pocketsphinx_continuous}, Debian packages {@code pocketsphinx} and
 * {@code pocketsphinx-en-us}) run as a subprocess per file, with the US English acoustic model, the
 * general 3-gram language model and the CMU pronouncing dictionary of the Debian package. Segments the
 * recogniser splits at pauses are joined with spaces. Thread-safe (each call starts its own process).
 */
public final class PocketsphinxRecognizer implements Recognizer {
    /** Where Debian's {@code pocketsphinx-en-us} installs the model. */
    public static final String DEFAULT_MODEL_DIR = "/usr/share/pocketsphinx/model/en-us";

    private final String modelDir;
    private final String lm;
    private final String dict;

    /** A recogniser using the model files under {@code modelDir} ({@code en-us/}, {@code en-us.lm.bin}, {@code cmudict-en-us.dict}). */
    public PocketsphinxRecognizer(String modelDir) {
        this(modelDir, modelDir + "/en-us.lm.bin", modelDir + "/cmudict-en-us.dict");
    }

    /**
     * A recogniser with the acoustic model under {@code modelDir}, and the given language model (ARPA or
     * binary) and dictionary, e.g. a {@link DomainLanguageModel} and its {@link DomainLexicon}.
     */
    public PocketsphinxRecognizer(String modelDir, String lm, String dict) {
        this.modelDir = modelDir;
        this.lm = lm;
        this.dict = dict;
    }

    /** A recogniser using Debian's model directory. */
    public PocketsphinxRecognizer() {
        this(DEFAULT_MODEL_DIR);
    }

    @Override
    public String name() {
        return "pocketsphinx";
    }

    @Override
    public String transcribe(Path wav) throws IOException, InterruptedException {
        ProcessRunner.Output out = ProcessRunner.run(List.of("pocketsphinx_continuous", "-infile", wav.toString(),
                "-hmm", modelDir + "/en-us", "-lm", lm, "-dict", dict,
                "-logfn", "/dev/null"), null, 300);
        return String.join(" ", out.stdout().strip().split("\\s+")).strip();
    }

    @Override
    public void close() {
        // nothing held between calls
    }
}
