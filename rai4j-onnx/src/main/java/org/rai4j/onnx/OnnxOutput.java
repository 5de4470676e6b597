package org.rai4j.onnx;

/**
 * What a model returned for a batch of rows, interpreted: {@code labels} from a label tensor
 * (int64, int32 or string), or else the arg-max class of a probability tensor [N, k] or of a ZipMap
 * sequence; {@code values} from a float tensor with one value per row (regressors), when present.
 * {@code positiveProbabilities}: for a binary classifier, P(class 1) per row — column 1 of a probability tensor
 * [N, 2], or the entry of key 1 of a ZipMap. Any may be null when the model has no such output.
 *
 * @param labels                one label per row as text (e.g. {@code "1"}, {@code "good"}), or null
 * @param values                one number per row, or null
 * @param positiveProbabilities P(class 1) per row of a binary classifier, or null
 */
public record OnnxOutput(String[] labels, double[] values, double[] positiveProbabilities) {}
