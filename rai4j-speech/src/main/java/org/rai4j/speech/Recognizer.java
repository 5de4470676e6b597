package org.rai4j.speech;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A speech recogniser: turns a 16 kHz, 16-bit mono PCM WAV file into text. Implementations are not
 * required to be thread-safe; use one per thread. Close it to release models or processes.
 */
public interface Recognizer extends AutoCloseable {
    /** A short name recorded with every hypothesis, e.g. {@code pocketsphinx}. */
    String name();

    /** The recognised words (lower case, space-separated; empty when nothing was recognised). */
    String transcribe(Path wav) throws IOException, InterruptedException;

    /** Releases resources; the recogniser cannot be used afterwards. */
    @Override
    void close();
}
