package org.rai4j.text;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.rai4j.core.Preconditions;

/** A {@link SentenceEncoder} over a langchain4j in-process embedding model. Thread-safe (ONNX Runtime sessions are). */
final class LangChainEncoder implements SentenceEncoder {
    private final String name;
    private final EmbeddingModel model;
    private final int dimension;

    LangChainEncoder(String name, EmbeddingModel model) {
        this.name = name;
        this.model = model;
        this.dimension = model.dimension();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] encode(String text) {
        Preconditions.checkNotNull(text, "text");
        return model.embed(text).content().vector().clone();
    }

    @Override
    public List<float[]> encodeAll(List<String> texts) {
        Preconditions.checkNotNull(texts, "texts");
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            segments.add(TextSegment.from(Preconditions.checkNotNull(texts.get(i), "texts[" + i + "]")));
        }
        List<Embedding> es = model.embedAll(segments).content();
        List<float[]> out = new ArrayList<>(es.size());
        for (Embedding e : es) {
            out.add(e.vector().clone());
        }
        return out;
    }

    @Override
    public String toString() {
        return name + " (" + dimension + "-d)";
    }
}
