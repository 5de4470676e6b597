package org.rai4j.speech;

import java.io.IOException;
import java.util.List;

/** The recognisers the speech audit pipeline can run, behind the one {@link Recognizer} interface. */
public enum AsrBackend {
    /** {@link PocketsphinxRecognizer}: fast (≈0.7 s per 3 s clip), needs Debian's pocketsphinx packages. */
    POCKETSPHINX("pocketsphinx"),
    /** {@link Sphinx4Recognizer}: pure Java, no install, several times slower than real time. */
    SPHINX4("sphinx4");

    private final String id;

    AsrBackend(String id) {
        this.id = id;
    }

    /** The name used on the command line and in the output. */
    public String id() {
        return id;
    }

    /** The backend named {@code id}. */
    public static AsrBackend fromId(String id) {
        for (AsrBackend b : values()) {
            if (b.id.equals(id)) {
                return b;
            }
        }
        throw new IllegalArgumentException("--asr must be pocketsphinx or sphinx4, got '" + id + "'");
    }

    /** External programs this backend needs. */
    public List<ExternalTool> requiredTools() {
        return this == POCKETSPHINX ? List.of(ExternalTool.POCKETSPHINX, ExternalTool.POCKETSPHINX_MODEL) : List.of();
    }

    /**
     * Checks that the backend can run.
     *
     * @throws MissingToolException naming what is missing and how to install it
     */
    public void checkAvailable() throws MissingToolException {
        ExternalTool.requireAll(requiredTools());
        if (this == SPHINX4 && !Sphinx4Recognizer.isAvailable()) {
            throw new MissingToolException("the Sphinx4 jars (net.sf.phat:sphinx4-core and sphinx4-data 5prealpha) are not on "
                    + "the class path; use the rai4j command line, which bundles them, or add both to your build", List.of());
        }
    }

    /** A new recogniser of this kind (one per thread) with its general language model. */
    public Recognizer create() throws IOException {
        return this == POCKETSPHINX ? new PocketsphinxRecognizer() : new Sphinx4Recognizer();
    }

    /**
     * A new recogniser decoding with the given language model (ARPA) and dictionary files.
     *
     * @throws IllegalArgumentException for Sphinx4, which rai4j runs with its general model only
     */
    public Recognizer create(java.nio.file.Path lm, java.nio.file.Path dict) {
        if (this != POCKETSPHINX) {
            throw new IllegalArgumentException("a domain language model is supported with --asr pocketsphinx only");
        }
        return new PocketsphinxRecognizer(PocketsphinxRecognizer.DEFAULT_MODEL_DIR, lm.toString(), dict.toString());
    }
}
