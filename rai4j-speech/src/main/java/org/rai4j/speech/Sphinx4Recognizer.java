package org.rai4j.speech;

import edu.cmu.sphinx.api.AbstractSpeechRecognizer;
import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.api.SpeechResult;
import edu.cmu.sphinx.util.TimeFrame;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CMU Sphinx4 (pure Java, {@code net.sf.phat:sphinx4-core} and {@code sphinx4-data} 5prealpha) with the
 * US English model shipped inside the data jar: nothing to install, but several times slower than real
 * time. Needs the two jars on the class path (the rai4j command line has them). Not thread-safe: one
 * instance per thread; loading the model takes several seconds.
 *
 * <p>Sphinx4's stock configuration logs every loading step at INFO to the console; this class runs the
 * same configuration with its {@code logLevel} property set to WARNING.
 */
public final class Sphinx4Recognizer implements Recognizer {
    private static final String MODEL = "resource:/edu/cmu/sphinx/models/en-us/";
    private static final String STOCK_CONFIG = "/edu/cmu/sphinx/api/default.config.xml";
    private final QuietRecognizer recognizer;

    /** Loads the acoustic model, dictionary and language model. */
    public Sphinx4Recognizer() throws IOException {
        Configuration c = new Configuration();
        c.setAcousticModelPath(MODEL + "en-us");
        c.setDictionaryPath(MODEL + "cmudict-en-us.dict");
        c.setLanguageModelPath(MODEL + "en-us.lm.bin");
        String xml;
        try (InputStream in = Sphinx4Recognizer.class.getResourceAsStream(STOCK_CONFIG)) {
            if (in == null) {
                throw new IOException("Sphinx4's " + STOCK_CONFIG + " is not on the class path");
            }
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String quiet = xml.replace("<property name=\"logLevel\" value=\"INFO\"/>", "<property name=\"logLevel\" value=\"WARNING\"/>");
        // Sphinx4 names its loggers after the configuration file, so the copy keeps the stock file name.
        Path dir = Files.createTempDirectory("rai4j-sphinx4-");
        Path config = dir.resolve("default.config.xml");
        try {
            Files.writeString(config, quiet);
            recognizer = new QuietRecognizer(new Context(config.toAbsolutePath().toString(), c));
        } finally {
            Files.deleteIfExists(config);
            Files.deleteIfExists(dir);
        }
    }

    /** Sphinx4's stream recogniser, built from a given context (its public class only takes a configuration). */
    private static final class QuietRecognizer extends AbstractSpeechRecognizer {
        QuietRecognizer(Context context) throws IOException {
            super(context);
        }

        void start(InputStream in) {
            recognizer.allocate();
            context.setSpeechSource(in, TimeFrame.INFINITE);
        }

        void stop() {
            recognizer.deallocate();
        }
    }

    /** True when the Sphinx4 classes and model are on the class path. */
    public static boolean isAvailable() {
        return Sphinx4Recognizer.class.getResource("/edu/cmu/sphinx/models/en-us/en-us.lm.bin") != null
                && Sphinx4Recognizer.class.getResource(STOCK_CONFIG) != null;
    }

    @Override
    public String name() {
        return "sphinx4";
    }

    @Override
    public String transcribe(Path wav) throws IOException {
        Audio audio = Audio.read(wav);
        if (audio.sampleRate() != 16000) {
            throw new IOException(wav + ": expected 16000 Hz audio for Sphinx4, got " + audio.sampleRate() + " Hz");
        }
        float[] s = audio.samples();
        ByteBuffer b = ByteBuffer.allocate(s.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : s) {
            b.putShort(Audio.toPcm16(x));
        }
        recognizer.start(new ByteArrayInputStream(b.array()));
        StringBuilder text = new StringBuilder();
        SpeechResult r;
        while ((r = recognizer.getResult()) != null) {
            String h = r.getHypothesis().strip();
            if (!h.isEmpty()) {
                text.append(text.length() == 0 ? "" : " ").append(h);
            }
        }
        recognizer.stop();
        return text.toString();
    }

    @Override
    public void close() {
        // the recogniser holds only heap memory
    }
}
