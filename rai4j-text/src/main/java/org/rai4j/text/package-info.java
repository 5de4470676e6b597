/**
 * Fairness for language (issue 15). Intrinsic metrics: {@link org.rai4j.text.Weat} (Caliskan, Bryson &amp;
 * Narayanan 2017) with an exact or sampled permutation p-value and the divisor of the effect size recorded,
 * {@link org.rai4j.text.Ceat} with {@link org.rai4j.text.RandomEffects} (DerSimonian &amp; Laird 1986; Guo &amp;
 * Caliskan 2021), the WEAT word lists ({@link org.rai4j.text.WeatWordLists}) and word-vector text files
 * ({@link org.rai4j.text.WordVectors}); sentence encoders behind {@link org.rai4j.text.SentenceEncoder}
 * ({@link org.rai4j.text.SentenceEncoders}: all-MiniLM-L6-v2 float32 and int8, user-supplied ONNX). Extrinsic: {@link org.rai4j.text.BiasAucs} (Borkan et al. 2019). Counterfactuals:
 * {@link org.rai4j.text.GenderSwap}, {@link org.rai4j.text.CounterfactualGap} (Garg et al. 2019). SEAT (May et al. 2019):
 * {@link org.rai4j.text.Seat}, {@link org.rai4j.text.SeatTemplates}. Definitions and conventions: {@code shared/specs/nlp-fairness.md}.
 */
package org.rai4j.text;
