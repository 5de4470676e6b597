/**
 * Speech recognition accuracy, disaggregated by accent and acoustic condition.
 *
 * <ul>
 *   <li>Scoring: word and character alignment ({@link org.rai4j.speech.EditDistance}, with the
 *       full-matrix {@link org.rai4j.speech.Alignment} as its oracle), recorded text normalisation
 *       ({@link org.rai4j.speech.TextNormalizer}), mergeable per-group counts
 *       ({@link org.rai4j.speech.SpeechCounts}) and the metrics WER, MER, WIL, WIP, CER, sentence error
 *       rate and mean utterance WER ({@link org.rai4j.speech.SpeechMetric}) with jiwer v4 semantics.</li>
 *   <li>Auditing: {@link org.rai4j.speech.SpeechAudit} runs the fairness engine on scored utterances
 *       (intervals over utterances or speakers) and adds the coverage of the group dimensions;
 *       {@link org.rai4j.speech.SpeechAudit#compare} is the last-mile comparison of two speech audits
 *       (e.g. clean speech vs a customer's hospital room: change and differential change per group).</li>
 *   <li>Synthetic audits: {@link org.rai4j.speech.SynthesisAudit} speaks prompts with espeak-ng and
 *       flite voices of several accents, applies acoustic conditions with sox (noise at stated SNRs,
 *       telephone band, reverberation, a hospital imaging room) and recognises them with a
 *       {@link org.rai4j.speech.Recognizer} (pocketsphinx or Sphinx4).</li>
 * </ul>
 *
 * <p>Depends on rai4j-core and rai4j-fairness (and, optionally, Sphinx4).
 */
package org.rai4j.speech;
