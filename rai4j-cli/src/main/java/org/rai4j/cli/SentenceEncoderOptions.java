package org.rai4j.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.rai4j.core.DataFileException;
import org.rai4j.text.SentenceEncoder;
import org.rai4j.text.SentenceEncoders;
import org.rai4j.text.SentencePooling;
import picocli.CommandLine.Option;

/** The sentence-encoder options of {@code rai4j text seat} and {@code text ceat}: which encoder, its tokenizer and pooling. */
final class SentenceEncoderOptions {
    @Option(names = "--embeddings", required = true, paramLabel = "minilm|minilm-q|FILE",
            description = "The sentence encoder: minilm (all-MiniLM-L6-v2), minilm-q (its int8 version) or an ONNX "
                    + "sentence encoder file (BERT-style; see --tokenizer, --pooling).")
    String embeddings;

    @Option(names = "--tokenizer", paramLabel = "FILE",
            description = "The HuggingFace tokenizer.json of an ONNX encoder (default: tokenizer.json next to it).")
    Path tokenizer;

    @Option(names = "--pooling", paramLabel = "mean|cls", defaultValue = "mean",
            description = "How an ONNX encoder's token vectors become one (default mean).")
    String pooling;

    /** Checks {@code --pooling}, quiets the tokenizer's start-up logs and loads the encoder. */
    SentenceEncoder encoder() throws DataFileException {
        SentencePooling pool = switch (pooling.toLowerCase(Locale.ROOT)) {
            case "mean" -> SentencePooling.MEAN;
            case "cls" -> SentencePooling.CLS;
            default -> throw new UserException("--pooling must be mean or cls, got '" + pooling + "'");
        };
        quietTokenizerLogs();
        return SentenceEncoders.named(embeddings, tokenizer, pool);
    }

    /**
     * DJL's tokenizer loader logs a GPU probe and its platform at WARN/INFO through SLF4J; keep it to errors unless the
     * user set a level for it.
     */
    static void quietTokenizerLogs() {
        if (System.getProperty("org.slf4j.simpleLogger.log.ai.djl") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "error");
        }
    }
}
