/**
 * Speech recognition accuracy, disaggregated: word and character alignment
 * ({@link org.rai4j.speech.EditDistance}, {@link org.rai4j.speech.Alignment}), recorded text
 * normalisation ({@link org.rai4j.speech.TextNormalizer}), mergeable per-group counts
 * ({@link org.rai4j.speech.SpeechCounts}) and the metrics WER, MER, WIL, WIP, CER, sentence error rate
 * and mean utterance WER ({@link org.rai4j.speech.SpeechMetric}) with jiwer v4 semantics.
 *
 * <p>Depends on rai4j-core and rai4j-fairness only.
 */
package org.rai4j.speech;
