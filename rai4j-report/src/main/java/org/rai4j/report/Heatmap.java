package org.rai4j.report;

import java.util.List;
import java.util.Locale;

import static org.rai4j.report.HtmlWriter.esc;

/**
 * An inline SVG heatmap of a metric over the intersections of two attributes: rows are the levels of
 * one, columns the levels of the other. Every cell prints its value and n, so the greyscale shading
 * is a help, never the only carrier of information; cells below the minimum group size are hatched
 * and labelled "thin", empty cells say "no data". Has {@code role="img"}, a title and a description.
 */
final class Heatmap {
    private static final int MIN_CELL_W = 112;
    private static final int CELL_H = 46;
    private static final int MIN_LEFT = 190;
    private static final int TOP = 56;

    private Heatmap() {}

    /**
     * @param values values[r][c], NaN when undefined; {@code n[r][c] == 0} marks an empty cell
     * @param thin   cells below the minimum group size
     */
    static String svg(String id, String title, String description, String rowAttr, String colAttr, List<String> rowLabels,
                      List<String> colLabels, double[][] values, long[][] n, boolean[][] thin) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[r].length; c++) {
                if (n[r][c] > 0 && !Double.isNaN(values[r][c])) {
                    min = Math.min(min, values[r][c]);
                    max = Math.max(max, values[r][c]);
                }
            }
        }
        // sized to the longest labels, so that no label is clipped
        int rowChars = 0;
        for (String l : rowLabels) {
            rowChars = Math.max(rowChars, l.length());
        }
        int colChars = 0;
        for (String l : colLabels) {
            colChars = Math.max(colChars, l.length());
        }
        final int LEFT = Math.max(MIN_LEFT, DotPlot.CHAR_W * rowChars + 16);
        final int CELL_W = Math.max(MIN_CELL_W, DotPlot.CHAR_W * colChars + 8);
        int width = LEFT + colLabels.size() * CELL_W + 10;
        int height = TOP + rowLabels.size() * CELL_H + 30;
        StringBuilder s = new StringBuilder(4096);
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %d %d\" "
                + "width=\"%d\" height=\"%d\" aria-labelledby=\"%s-t %s-d\">", width, height, width, height, esc(id), esc(id)));
        s.append("<title id=\"").append(esc(id)).append("-t\">").append(esc(title)).append("</title>");
        s.append("<desc id=\"").append(esc(id)).append("-d\">").append(esc(description)).append("</desc>");
        s.append("<defs><pattern id=\"").append(esc(id)).append("-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" ")
                .append("patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>")
                .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#999\" stroke-width=\"2\"/></pattern></defs>");
        s.append("<g font-size=\"12\">");
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-weight=\"bold\">columns: %s</text>", LEFT, esc(colAttr)));
        s.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-weight=\"bold\">rows: %s</text>", TOP - 8, esc(rowAttr)));
        for (int c = 0; c < colLabels.size(); c++) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    LEFT + c * CELL_W + CELL_W / 2, TOP - 8, esc(colLabels.get(c))));
        }
        for (int r = 0; r < rowLabels.size(); r++) {
            int y = TOP + r * CELL_H;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", LEFT - 8,
                    y + CELL_H / 2 + 4, esc(rowLabels.get(r))));
            for (int c = 0; c < colLabels.size(); c++) {
                int x = LEFT + c * CELL_W;
                String cellTitle = rowAttr + "=" + rowLabels.get(r) + ", " + colAttr + "=" + colLabels.get(c) + ": ";
                s.append("<g>");
                if (n[r][c] == 0) {
                    s.append("<title>").append(esc(cellTitle + "no data")).append("</title>");
                    s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fff\" "
                            + "stroke=\"#000\" stroke-dasharray=\"3 3\"/>", x, y, CELL_W - 2, CELL_H - 2));
                    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-style=\"italic\">"
                            + "no data</text>", x + CELL_W / 2, y + CELL_H / 2 + 4));
                } else {
                    double v = values[r][c];
                    double shade = Double.isNaN(v) || max <= min ? 0.0 : (v - min) / (max - min);
                    int grey = (int) Math.round(245 - shade * 105);
                    String fill = thin[r][c] ? "url(#" + esc(id) + "-hatch)" : String.format(Locale.ROOT, "rgb(%d,%d,%d)", grey, grey, grey);
                    String valueText = Double.isNaN(v) ? "undefined" : ConsoleReport.fmt(v);
                    s.append("<title>").append(esc(cellTitle + valueText + ", n=" + n[r][c] + (thin[r][c] ? " (thin)" : "")))
                            .append("</title>");
                    s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
                            + "stroke=\"#000\"/>", x, y, CELL_W - 2, CELL_H - 2, fill));
                    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>",
                            x + CELL_W / 2, y + 19, esc(valueText)));
                    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">n=%d%s</text>",
                            x + CELL_W / 2, y + 35, n[r][c], thin[r][c] ? " thin" : ""));
                }
                s.append("</g>");
            }
        }
        s.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">Darker = higher. Hatched = below the minimum group size; "
                + "dashed = no rows.</text>", height - 8));
        s.append("</g></svg>");
        return s.toString();
    }

}
