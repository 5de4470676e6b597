package org.rai4j.report;

import java.util.List;
import java.util.Locale;

import static org.rai4j.report.HtmlWriter.esc;

/**
 * An inline SVG dot plot: one row per slice with its point value, its interval as a whisker, and its
 * n written out; a dashed reference line (e.g. overall, or zero change). Readable without colour:
 * slices below the minimum group size are hollow markers labelled "thin", undefined values are
 * written as text, and every number also appears in the row's text. The SVG has {@code role="img"},
 * a title and a description (its text alternative). Stateless.
 */
final class DotPlot {
    /**
     * One row.
     *
     * @param label slice name
     * @param value point value, NaN when undefined
     * @param lo    interval lower bound, NaN when none
     * @param hi    interval upper bound, NaN when none
     * @param right text at the right end (value, interval, n)
     * @param thin  drawn hollow (e.g. below the minimum group size; the label should say so)
     * @param strong drawn with a heavier marker (e.g. a flagged slice)
     * @param missing text drawn instead of a marker when the value is NaN (e.g. "undefined")
     */
    record Row(String label, double value, double lo, double hi, String right, boolean thin, boolean strong, String missing) {}

    private static final int MIN_WIDTH = 1000;
    private static final int MIN_LABEL = 250;
    /** Width of a character of the 12 px labels, generously (labels are never clipped). */
    static final int CHAR_W = 7;
    private static final int RIGHT = 340;
    private static final int ROW = 24;
    private static final int TOP = 34;

    private DotPlot() {}

    /**
     * The chart.
     *
     * @param id             unique id prefix within the page
     * @param title          the chart's title (also its accessible name)
     * @param description    the chart's description (its text alternative: what it shows and the main finding)
     * @param reference      x of the dashed reference line, NaN for none
     * @param referenceLabel label of the reference line
     * @param clampUnit      keep the axis within [0, 1] (proportions)
     */
    static String svg(String id, String title, String description, List<Row> rows, double reference, String referenceLabel,
                      boolean clampUnit) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Row r : rows) {
            for (double v : new double[] {r.value(), r.lo(), r.hi()}) {
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!Double.isNaN(reference)) {
            min = Math.min(min, reference);
            max = Math.max(max, reference);
        }
        if (min == Double.POSITIVE_INFINITY) {
            min = 0;
            max = 1;
        }
        double[] axis = Axis.nice(min, max, clampUnit);
        double lo = axis[0];
        double hi = axis[1];
        double step = axis[2];
        int bottom = TOP + rows.size() * ROW + 4;
        int height = bottom + (Double.isNaN(reference) ? 8 : 24);
        int longest = 0;
        for (Row r : rows) {
            longest = Math.max(longest, r.label().length());
        }
        final int LABEL = Math.max(MIN_LABEL, CHAR_W * longest + 8);
        final int WIDTH = MIN_WIDTH + (LABEL - MIN_LABEL);
        int x0 = LABEL + 10;
        int x1 = WIDTH - RIGHT - 10;
        StringBuilder s = new StringBuilder(4096);
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %d %d\" "
                        + "width=\"%d\" height=\"%d\" aria-labelledby=\"%s-t %s-d\">", WIDTH, height, WIDTH, height,
                esc(id), esc(id)));
        s.append("<title id=\"").append(esc(id)).append("-t\">").append(esc(title)).append("</title>");
        s.append("<desc id=\"").append(esc(id)).append("-d\">").append(esc(description)).append("</desc>");
        s.append("<g font-size=\"12\">");
        for (double t = lo; t <= hi + step / 1e6; t += step) {
            double x = x(t, lo, hi, x0, x1);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>",
                    x, TOP - 6, x, bottom));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x, TOP - 12,
                    Axis.label(t, step)));
        }
        if (!Double.isNaN(reference)) {
            double x = x(reference, lo, hi, x0, x1);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\" "
                    + "stroke-dasharray=\"5 4\"/>", x, TOP - 6, x, bottom));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-style=\"italic\">"
                    + "dashed line: %s</text>", x, bottom + 16, esc(referenceLabel)));
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int y = TOP + i * ROW + ROW / 2;
            s.append("<g><title>").append(esc(r.label() + ": " + r.right()))
                    .append("</title>");
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\"%s>%s</text>", LABEL, y + 4,
                    r.strong() ? " font-weight=\"bold\"" : "", esc(r.label())));
            if (Double.isNaN(r.value())) {
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-style=\"italic\">%s</text>", x0, y + 4, esc(r.missing())));
            } else {
                if (!Double.isNaN(r.lo()) && !Double.isNaN(r.hi())) {
                    double a = x(r.lo(), lo, hi, x0, x1);
                    double b = x(r.hi(), lo, hi, x0, x1);
                    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\" "
                            + "stroke-width=\"1.5\"/>", a, y, b, y));
                    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\"/>",
                            a, y - 5, a, y + 5));
                    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\"/>",
                            b, y - 5, b, y + 5));
                }
                double x = x(r.value(), lo, hi, x0, x1);
                if (r.strong()) {
                    s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"12\" height=\"12\" fill=\"#000\"/>",
                            x - 6, y - 6));
                } else {
                    s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"5\" fill=\"%s\" stroke=\"#000\" "
                            + "stroke-width=\"1.5\"/>", x, y, r.thin() ? "#fff" : "#000"));
                }
            }
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", x1 + 14, y + 4, esc(r.right())));
            s.append("</g>");
        }
        s.append("</g></svg>");
        return s.toString();
    }

    private static double x(double v, double lo, double hi, int x0, int x1) {
        double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        return x0 + Math.max(0, Math.min(1, t)) * (x1 - x0);
    }

    /** Axis ranges with round tick steps (1, 2 or 5 × 10^k). */
    static final class Axis {
        private Axis() {}

        /** {lo, hi, step} covering [min, max] with about five ticks. */
        static double[] nice(double min, double max, boolean clampUnit) {
            if (max - min < 1e-9) {
                min -= 0.05;
                max += 0.05;
            }
            double raw = (max - min) / 5;
            double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            double f = raw / mag;
            double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
            double lo = Math.floor(min / step) * step;
            double hi = Math.ceil(max / step) * step;
            if (clampUnit) {
                lo = Math.max(0, lo);
                hi = Math.min(1, hi);
            }
            return new double[] {lo, hi, step};
        }

        static String label(double v, double step) {
            int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
            String s = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v) < step / 1e6 ? 0.0 : v);
            return s;
        }
    }
}
