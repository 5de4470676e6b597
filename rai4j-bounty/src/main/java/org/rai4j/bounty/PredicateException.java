package org.rai4j.bounty;

/**
 * A group predicate cannot be used: a syntax error, or a mismatch with the data schema (unknown
 * column, wrong value type, unknown category). Points at the offending token: the message ends with
 * the predicate and a caret line under the token. Checked, because predicates come from users.
 */
public final class PredicateException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String predicate;
    private final int position;
    private final int length;
    private final String problem;

    /**
     * @param predicate the whole predicate text
     * @param position  0-based offset of the offending token
     * @param length    length of the token (at least 1 for the caret)
     * @param problem   what is wrong and what was expected
     */
    public PredicateException(String predicate, int position, int length, String problem) {
        super(render(predicate, position, length, problem));
        this.predicate = predicate;
        this.position = position;
        this.length = Math.max(1, length);
        this.problem = problem;
    }

    /** The predicate text. */
    public String predicate() {
        return predicate;
    }

    /** 0-based character offset of the offending token. */
    public int position() {
        return position;
    }

    /** Length of the offending token. */
    public int length() {
        return length;
    }

    /** The problem without the caret rendering. */
    public String problem() {
        return problem;
    }

    private static String render(String text, int pos, int len, String problem) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return "at character " + (pos + 1) + ": " + problem + "\n  " + oneLine + "\n  "
                + " ".repeat(Math.max(0, pos)) + "^".repeat(Math.max(1, len));
    }
}
