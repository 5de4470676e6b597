package org.rai4j.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code rai4j audit --task speech} adds: the hypothesis column, the cluster column and the
 * text normalisation. (The reference column is {@code --reference}, shared with the comparison options.)
 */
final class SpeechAuditOptions {
    @Option(names = "--hypothesis", paramLabel = "COL", description = "With --task speech: column of recognised transcripts "
            + "(--reference COL names the column of what was said).")
    String hypothesis;

    @Option(names = "--cluster", paramLabel = "COL", description = "With --task speech: bootstrap whole clusters (e.g. speaker) "
            + "instead of utterances, since one speaker's utterances are not independent.")
    String cluster;

    @Option(names = "--where", paramLabel = "COL=VALUE", description = "With --task speech: audit only the rows whose "
            + "column COL equals VALUE (e.g. condition=clean), as when one file holds several conditions.")
    String where;

    @Mixin
    SpeechNormalizationOptions normalization = new SpeechNormalizationOptions();

    /** The rows of {@code table} selected by --where (all rows without it). */
    org.rai4j.core.Table select(org.rai4j.core.Table table) throws org.rai4j.core.DataFileException {
        if (where == null) {
            return table;
        }
        int eq = where.indexOf('=');
        if (eq <= 0) {
            throw new UserException("--where: expected COL=VALUE, got '" + where + "'");
        }
        String col = where.substring(0, eq);
        String value = where.substring(eq + 1);
        org.rai4j.core.Column c = table.column(col);
        java.util.List<Integer> rows = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        for (int r = 0; r < table.rowCount(); r++) {
            String v = c.text(r);
            seen.add(String.valueOf(v));
            if (value.equals(v)) {
                rows.add(r);
            }
        }
        if (rows.isEmpty()) {
            throw new UserException("--where " + where + ": no row of " + table.source() + " has " + col + "=" + value
                    + "; its values are " + String.join(", ", seen));
        }
        return table.select(rows.stream().mapToInt(Integer::intValue).toArray());
    }
}
