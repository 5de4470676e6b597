package org.rai4j.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.rai4j.text.EmbeddingBagTextClassifier;
import org.rai4j.onnx.OnnxLimits;
import org.rai4j.onnx.OnnxModel;
import org.rai4j.text.HttpTextClassifier;
import org.rai4j.text.OnnxHeadTextClassifier;
import org.rai4j.text.SentenceEncoders;
import org.rai4j.text.SentencePooling;
import org.rai4j.text.TextClassifier;
import picocli.CommandLine.Option;

/**
 * The text model a {@code rai4j text} command measures: a saved embedding-bag model ({@code --model FILE}, written by
 * {@code rai4j text train}) or any model behind an HTTP endpoint ({@code --endpoint URL}, the
 * {@link HttpTextClassifier} protocol) or an ONNX classifier over sentence vectors ({@code --onnx FILE}, see
 * {@link OnnxHeadTextClassifier}), exactly one of the three.
 */
final class TextModelOptions {
    @Option(names = "--model", paramLabel = "FILE",
            description = "A model written by `rai4j text train` (give this or --endpoint).")
    Path model;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "A model behind HTTP: POST {\"texts\":[...]} answered by {\"scores\":[P(label 1), ...]} "
                    + "(give this or --model).")
    String endpoint;

    @Option(names = "--onnx", paramLabel = "FILE",
            description = "An ONNX binary classifier over sentence vectors (input [N, dim] floats; output a probability "
                    + "tensor [N, 2] or a ZipMap, e.g. scikit-learn via skl2onnx), run in-process on the --onnx-encoder's "
                    + "vectors (give this, --model or --endpoint).")
    Path onnx;

    @Option(names = "--onnx-encoder", paramLabel = "minilm|minilm-q|FILE", defaultValue = "minilm-q",
            description = "With --onnx: the sentence encoder whose vectors the model reads (default ${DEFAULT-VALUE}; "
                    + "FILE: a BERT-style ONNX encoder with tokenizer.json beside it, mean pooling).")
    String onnxEncoder;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64",
            description = "Texts per request to --endpoint (default 64).")
    int batch;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Longest wait for each answer of --endpoint, in seconds (default 30).")
    double timeoutSeconds;

    /** Records the model file, if any, as an input no output may overwrite. */
    RunOutputs inputs(RunOutputs run) {
        return run.input("--model", model).input("--onnx", onnx);
    }

    /**
     * The classifier the options name.
     *
     * @throws UserException if neither or both are given, or a setting is out of range
     * @throws IOException   if the model file cannot be read
     */
    TextClassifier classifier() throws IOException {
        int given = (model == null ? 0 : 1) + (endpoint == null ? 0 : 1) + (onnx == null ? 0 : 1);
        if (given != 1) {
            throw new UserException("give exactly one of --model FILE (a model written by `rai4j text train`), "
                    + "--endpoint URL (a model behind HTTP) and --onnx FILE (an ONNX classifier over sentence vectors)"
                    + (given == 0 ? "" : "; " + given + " were given"));
        }
        if (onnx != null) {
            if (!Files.isRegularFile(onnx)) {
                throw new UserException("--onnx " + onnx + ": no such file (expected an ONNX classifier)");
            }
            SentenceEncoderOptions.quietTokenizerLogs();
            try {
                return new OnnxHeadTextClassifier(SentenceEncoders.named(onnxEncoder, null, SentencePooling.MEAN),
                        OnnxModel.load(onnx, OnnxLimits.DEFAULT));
            } catch (org.rai4j.onnx.OnnxModelException e) {
                throw new UserException("--onnx: " + e.getMessage());
            } catch (org.rai4j.core.DataFileException e) {
                throw new UserException("--onnx-encoder: " + e.getMessage());
            }
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
