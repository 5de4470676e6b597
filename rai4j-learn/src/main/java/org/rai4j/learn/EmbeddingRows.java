package org.rai4j.learn;

/**
 * The block of a model's parameter vector that holds an embedding table: {@code rows} rows of
 * {@code width} values starting at {@code offset}, row r at {@code offset + r·width}. A batch's gradient
 * touches only the rows of the tokens it contains.
 *
 * @param offset start of row 0 in the parameter vector
 * @param rows   number of rows (vocabulary size), 0 when the model has no embedding
 * @param width  values per row (embedding dimension)
 */
public record EmbeddingRows(int offset, int rows, int width) {
    /** No embedding table. */
    public static final EmbeddingRows NONE = new EmbeddingRows(0, 0, 0);

    /** End (exclusive) of the block in the parameter vector. */
    public int end() {
        return offset + rows * width;
    }

    /** True when the model has an embedding table. */
    public boolean present() {
        return rows > 0;
    }
}
