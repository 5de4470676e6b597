package org.rai4j.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rai4j.core.Preconditions;

/**
 * A {@link SentenceEncoder} that remembers every vector it has computed, so that a study that scores the same
 * sentences with many classifier heads encodes each sentence once. The cache lives as long as this object (one
 * study); it holds no static state. Thread-safe.
 */
public final class CachingEncoder implements SentenceEncoder {
    private final SentenceEncoder encoder;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    /** Caches {@code encoder}'s vectors. */
    public CachingEncoder(SentenceEncoder encoder) {
        this.encoder = Preconditions.checkNotNull(encoder, "encoder");
    }

    @Override
    public String name() {
        return encoder.name();
    }

    @Override
    public int dimension() {
        return encoder.dimension();
    }

    @Override
    public float[] encode(String text) {
        return encodeAll(List.of(text)).get(0);
    }

    /** Encodes the texts not seen before in one batch of the underlying encoder, then answers from the cache. */
    @Override
    public List<float[]> encodeAll(List<String> texts) {
        Preconditions.checkNotNull(texts, "texts");
        LinkedHashSet<String> missing = new LinkedHashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            String t = Preconditions.checkNotNull(texts.get(i), "texts[" + i + "]");
            if (!cache.containsKey(t)) {
                missing.add(t);
            }
        }
        if (!missing.isEmpty()) {
            List<String> batch = new ArrayList<>(missing);
            List<float[]> vs = encoder.encodeAll(batch);
            for (int i = 0; i < batch.size(); i++) {
                cache.put(batch.get(i), vs.get(i));
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(cache.get(t).clone());
        }
        return out;
    }

    /** How many distinct sentences have been encoded. */
    public int encoded() {
        return cache.size();
    }
}
