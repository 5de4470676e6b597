package org.rai4j.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.rai4j.text.EmbeddingBagTextClassifier;
import org.rai4j.text.HttpTextClassifier;
import org.rai4j.text.TextClassifier;
import picocli.CommandLine.Option;

/**
 * The text model a {@code rai4j text} command measures: a saved embedding-bag model ({@code --model FILE}, written by
 * {@code rai4j text train}) or any model behind an HTTP endpoint ({@code --endpoint URL}, the
 * {@link HttpTextClassifier} protocol), exactly one of the two.
 */
final class TextModelOptions {
    @Option(names = "--model", paramLabel = "FILE",
            description = "A model written by `rai4j text train` (give this or --endpoint).")
    Path model;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "A model behind HTTP: POST {\"texts\":[...]} answered by {\"scores\":[P(label 1), ...]} "
                    + "(give this or --model).")
    String endpoint;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64",
            description = "Texts per request to --endpoint (default 64).")
    int batch;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Longest wait for each answer of --endpoint, in seconds (default 30).")
    double timeoutSeconds;

    /** Records the model file, if any, as an input no output may overwrite. */
    RunOutputs inputs(RunOutputs run) {
        return run.input("--model", model);
    }

    /**
     * The classifier the options name.
     *
     * @throws UserException if neither or both are given, or a setting is out of range
     * @throws IOException   if the model file cannot be read
     */
    TextClassifier classifier() throws IOException {
        if ((model == null) == (endpoint == null)) {
            throw new UserException("give exactly one of --model FILE (a model written by `rai4j text train`) and "
                    + "--endpoint URL (a model behind HTTP)" + (model == null ? "" : "; both were given"));
        }
        if (model != null) {
            if (!Files.isRegularFile(model)) {
                throw new UserException("--model " + model + ": no such file (expected a model written by `rai4j text train`)");
            }
            return EmbeddingBagTextClassifier.load(model);
        }
        if (batch < 1) {
            throw new UserException("--batch must be at least 1, got " + batch);
        }
        if (!(timeoutSeconds > 0) || timeoutSeconds > 86_400) {
            throw new UserException("--timeout must be a number of seconds in (0, 86400], got " + timeoutSeconds);
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new UserException("--endpoint '" + endpoint + "' is not a URL (" + e.getReason()
                    + "); expected e.g. http://localhost:8000/score");
        }
        try {
            return HttpTextClassifier.connect(uri, batch, Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        } catch (IllegalArgumentException e) {
            throw new UserException("--endpoint: " + e.getMessage());
        }
    }
}
