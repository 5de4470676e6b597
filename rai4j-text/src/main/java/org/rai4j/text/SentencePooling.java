package org.rai4j.text;

/** How a user-supplied ONNX encoder's token vectors become one sentence vector. */
public enum SentencePooling {
    /** The mean of the token vectors, weighted by the attention mask (sentence-transformers' default). */
    MEAN,
    /** The vector of the first ([CLS]) token. */
    CLS
}
