package org.rai4j.speech;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rai4j.core.Preconditions;

/**
 * A back-off n-gram language model of a closed domain, estimated from the domain's sentences (the
 * prompt set) and written in the ARPA text format that pocketsphinx reads ({@code -lm FILE}). This is
 * how a deployed voice-command or dictation system is configured: the recogniser only considers the
 * domain's vocabulary and word sequences, instead of a general 130,000-word model of English.
 *
 * <p>Estimation (Katz-style back-off with absolute discounting, Ney, Essen &amp; Kneser 1994):
 * sentences are tokenised by {@link #tokens} and wrapped in {@code <s>}, {@code </s>}. Unigrams:
 * {@code p(w) = (c(w) + 1) / (N + V)} (add-one over the vocabulary and {@code </s>}); {@code <s>} gets
 * log-probability −99 as usual. For order k ≥ 2, a seen n-gram gets {@code p*(w|h) = (c(h w) − D) / c(h)};
 * the mass {@code D · N₁₊(h ·) / c(h)} freed by the discount goes to unseen words through the back-off
 * weight {@code α(h) = (1 − Σ p*(w|h)) / (1 − Σ p_{k−1}(w|h'))} (sums over the words seen after h, h'
 * = h without its first word); a context already followed by every word keeps its counts undiscounted
 * (nothing is left to back off to). A larger discount D flattens the model towards lower orders: D → 1
 * leaves less of the prompt sentences memorised.
 *
 * <p>The output is deterministic (n-grams sorted, fixed number format), so a run that writes it is
 * byte-reproducible. Immutable.
 */
public final class DomainLanguageModel {
    /** Sentence start and end markers. */
    static final String BOS = "<s>";
    static final String EOS = "</s>";

    private final int order;
    private final double discount;
    /** counts.get(k-1): n-gram of order k (words joined by ' ') → count. */
    private final List<Map<String, Integer>> counts = new ArrayList<>();
    /** Context (order k-1, joined) → total count of following words, for orders ≥ 2. */
    private final List<Map<String, Integer>> contextTotals = new ArrayList<>();
    private final List<Map<String, Integer>> contextTypes = new ArrayList<>();
    /** log10 probabilities and back-off weights, by order. */
    private final List<Map<String, Double>> logProb = new ArrayList<>();
    private final List<Map<String, Double>> logBackoff = new ArrayList<>();

    /**
     * Estimates a model.
     *
     * @param sentences the domain's sentences (tokenised by {@link #tokens})
     * @param order     1 (unigram), 2 or 3
     * @param discount  absolute discount D in (0, 1)
     */
    public DomainLanguageModel(List<String> sentences, int order, double discount) {
        Preconditions.checkArgument(order >= 1 && order <= 3, "order must be 1, 2 or 3, got " + order);
        Preconditions.checkArgument(discount > 0 && discount < 1, "discount must be in (0, 1), got " + discount);
        Preconditions.checkArgument(!sentences.isEmpty(), "sentences must not be empty");
        this.order = order;
        this.discount = discount;
        for (int k = 0; k < order; k++) {
            counts.add(new TreeMap<>());
            contextTotals.add(new HashMap<>());
            contextTypes.add(new HashMap<>());
            logProb.add(new TreeMap<>());
            logBackoff.add(new HashMap<>());
        }
        for (String s : sentences) {
            List<String> w = new ArrayList<>();
            w.add(BOS);
            w.addAll(tokens(s));
            w.add(EOS);
            for (int k = 1; k <= order; k++) {
                for (int i = 0; i + k <= w.size(); i++) {
                    if (k == 1 && i == 0) {
                        continue; // <s> is never predicted
                    }
                    String g = String.join(" ", w.subList(i, i + k));
                    if (counts.get(k - 1).merge(g, 1, Integer::sum) == 1 && k >= 2) {
                        contextTypes.get(k - 1).merge(String.join(" ", w.subList(i, i + k - 1)), 1, Integer::sum);
                    }
                    if (k >= 2) {
                        contextTotals.get(k - 1).merge(String.join(" ", w.subList(i, i + k - 1)), 1, Integer::sum);
                    }
                }
            }
        }
        estimate();
    }

    /** The words of a sentence as the model and lexicon see them: lower case, hyphens split, other punctuation removed. */
    public static List<String> tokens(String sentence) {
        String t = sentence.toLowerCase(Locale.ROOT).replace('-', ' ').replaceAll("[^\\p{L}\\p{Nd}' ]", " ");
        List<String> out = new ArrayList<>();
        for (String w : t.strip().split("\\s+")) {
            String s = w.replaceAll("^'+|'+$", "");
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The vocabulary (without {@code <s>}, {@code </s>}), sorted. */
    public List<String> vocabulary() {
        TreeSet<String> v = new TreeSet<>(counts.get(0).keySet());
        v.remove(EOS);
        return List.copyOf(v);
    }

    /** The order of the model. */
    public int order() {
        return order;
    }

    /** The absolute discount. */
    public double discount() {
        return discount;
    }

    private void estimate() {
        Map<String, Integer> uni = counts.get(0);
        long n = 0;
        for (int c : uni.values()) {
            n += c;
        }
        int v = uni.size();
        for (Map.Entry<String, Integer> e : uni.entrySet()) {
            logProb.get(0).put(e.getKey(), Math.log10((e.getValue() + 1.0) / (n + v)));
        }
        for (int k = 2; k <= order; k++) {
            Map<String, Double> lp = logProb.get(k - 1);
            for (Map.Entry<String, Integer> e : counts.get(k - 1).entrySet()) {
                String g = e.getKey();
                String h = g.substring(0, g.lastIndexOf(' '));
                // a context followed by every word has nothing to back off to: its counts are used undiscounted
                double d = contextTypes.get(k - 1).get(h) == v ? 0 : discount;
                lp.put(g, Math.log10((e.getValue() - d) / contextTotals.get(k - 1).get(h)));
            }
            // back-off weights of the contexts (order k-1 n-grams)
            Map<String, Double> seenMass = new HashMap<>();
            Map<String, Double> lowerMass = new HashMap<>();
            for (String g : counts.get(k - 1).keySet()) {
                int sp = g.lastIndexOf(' ');
                String h = g.substring(0, sp);
                seenMass.merge(h, Math.pow(10, lp.get(g)), Double::sum);
                lowerMass.merge(h, Math.pow(10, prob(g.substring(g.indexOf(' ') + 1))), Double::sum);
            }
            for (String h : seenMass.keySet()) {
                double num = 1 - seenMass.get(h);
                double den = 1 - lowerMass.get(h);
                logBackoff.get(k - 2).put(h, den <= 0 ? 0 : Math.log10(num / den));
            }
        }
    }

    /** log10 p(last word | preceding words) of a space-joined n-gram, with back-off. */
    double prob(String ngram) {
        String[] w = ngram.split(" ");
        int k = w.length;
        Double p = logProb.get(k - 1).get(ngram);
        if (p != null) {
            return p;
        }
        if (k == 1) {
            throw new IllegalArgumentException("word not in the vocabulary: " + ngram);
        }
        String h = ngram.substring(0, ngram.lastIndexOf(' '));
        double bo = logBackoff.get(k - 2).getOrDefault(h, 0.0);
        return bo + prob(ngram.substring(ngram.indexOf(' ') + 1));
    }

    /** The model in ARPA format. */
    public String toArpa() {
        StringBuilder sb = new StringBuilder();
        sb.append("# rai4j domain language model: order ").append(order).append(", absolute discount ")
                .append(fmt(discount)).append('\n');
        sb.append("\n\\data\\\n");
        sb.append("ngram 1=").append(counts.get(0).size() + 1).append('\n');
        for (int k = 2; k <= order; k++) {
            sb.append("ngram ").append(k).append('=').append(counts.get(k - 1).size()).append('\n');
        }
        for (int k = 1; k <= order; k++) {
            sb.append("\n\\").append(k).append("-grams:\n");
            TreeMap<String, Double> rows = new TreeMap<>(logProb.get(k - 1));
            if (k == 1) {
                rows.put(BOS, -99.0);
            }
            for (Map.Entry<String, Double> e : rows.entrySet()) {
                sb.append(fmt(e.getValue())).append('\t').append(e.getKey());
                if (k < order) {
                    Double bo = logBackoff.get(k - 1).get(e.getKey());
                    if (bo != null || k == 1) {
                        sb.append('\t').append(fmt(bo == null ? 0 : bo));
                    }
                }
                sb.append('\n');
            }
        }
        sb.append("\n\\end\\\n");
        return sb.toString();
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.6f", x);
    }
}
