package org.rai4j.speech;

/**
 * The speech recognition accuracy metrics, each a pure function of {@link SpeechCounts}, with jiwer v4
 * semantics (pooled: counts are summed over the utterances of a group before dividing).
 *
 * <p>With N_ref = H+S+D and N_hyp = H+S+I summed over the group:
 * <ul>
 *   <li>WER = (S+D+I)/N_ref; MER = (S+D+I)/(H+S+D+I); WIP = (H/N_ref)·(H/N_hyp), 0 when N_hyp = 0;
 *       WIL = 1 − WIP (Morris, Maier &amp; Green 2004).</li>
 *   <li>Empty references (jiwer v4.0): an utterance with an empty reference adds its insertions to the
 *       numerator and nothing to the denominator. When the whole group has N_ref = 0, WER is the number of
 *       insertions (a count, not a rate), MER is 0 if the hypotheses are empty too and 1 otherwise, and WIP
 *       is 1 if the hypotheses are empty too and 0 otherwise.</li>
 *   <li>CER is WER computed on characters (spaces included).</li>
 *   <li>Sentence error rate: share of utterances with at least one word error.</li>
 *   <li>Mean utterance WER: the unweighted mean of per-utterance WERs. It over-weights short utterances
 *       and differs from the pooled WER; it is reported separately and labelled as such.</li>
 * </ul>
 * A group with no utterances has every metric {@code NaN} (undefined).
 */
public enum SpeechMetric {
    /** Pooled word error rate. */
    WER("wer") {
        @Override
        public double of(SpeechCounts c) {
            return c.utterances() == 0 ? Double.NaN : c.words().errorRate();
        }
    },
    /** Pooled match error rate. */
    MER("mer") {
        @Override
        public double of(SpeechCounts c) {
            EditCounts w = c.words();
            long denominator = w.hits() + w.errors();
            return c.utterances() == 0 ? Double.NaN : denominator == 0 ? 0.0 : (double) w.errors() / denominator;
        }
    },
    /** Pooled word information lost, 1 − WIP. */
    WIL("wil") {
        @Override
        public double of(SpeechCounts c) {
            return 1.0 - WIP.of(c);
        }
    },
    /** Pooled word information preserved. */
    WIP("wip") {
        @Override
        public double of(SpeechCounts c) {
            if (c.utterances() == 0) {
                return Double.NaN;
            }
            long nRef = c.referenceWords();
            long nHyp = c.hypothesisWords();
            if (nRef == 0) {
                return nHyp == 0 ? 1.0 : 0.0;
            }
            if (nHyp == 0) {
                return 0.0;
            }
            double h = c.words().hits();
            return (h / nRef) * (h / nHyp);
        }
    },
    /** Pooled character error rate (spaces count as characters). */
    CER("cer") {
        @Override
        public double of(SpeechCounts c) {
            return c.utterances() == 0 ? Double.NaN : c.characters().errorRate();
        }
    },
    /** Share of utterances with at least one word error. */
    SENTENCE_ERROR_RATE("sentence_error_rate") {
        @Override
        public double of(SpeechCounts c) {
            return c.utterances() == 0 ? Double.NaN : (double) c.utterancesWithError() / c.utterances();
        }
    },
    /** Unweighted mean of per-utterance WERs (not the pooled WER). */
    MEAN_UTTERANCE_WER("mean_utterance_wer") {
        @Override
        public double of(SpeechCounts c) {
            return c.utterances() == 0 ? Double.NaN : c.sumUtteranceWer() / c.utterances();
        }
    };

    private final String id;

    SpeechMetric(String id) {
        this.id = id;
    }

    /** The metric's name in reports, e.g. {@code sentence_error_rate}. */
    public String id() {
        return id;
    }

    /** The metric's value on {@code counts}; {@code NaN} when the group has no utterances. */
    public abstract double of(SpeechCounts counts);
}
