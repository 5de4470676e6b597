package org.rai4j.report;

import java.util.List;
import java.util.Locale;

import static org.rai4j.report.HtmlWriter.esc;

/**
 * An inline SVG ROC plot on log-log axes, as in Carlini et al.'s LiRA paper: false positive rate across,
 * true positive rate up, both from a floor (the decade at or below 1/non-members, at most 10⁻¹) to 1; the
 * diagonal (a guessing attack) dashed. Curves are told apart by dash pattern and a label at their end, not
 * only by colour; rates of 0 sit on the floor. Curves are thinned to one point per pixel step. The SVG has
 * {@code role="img"}, a title and a description. Stateless.
 */
final class RocPlot {
    /**
     * One curve.
     *
     * @param label name shown in the legend (e.g. the attack and its AUC)
     * @param fpr   false positive rates, non-decreasing
     * @param tpr   true positive rates, non-decreasing
     */
    record Curve(String label, double[] fpr, double[] tpr) {}

    private static final String[] DASHES = {"", "8 4", "2 3", "10 3 2 3", "1 6"};
    private static final String[] COLOURS = {"#1b4f9c", "#b2182b", "#1a7f37", "#6a3d9a", "#8c510a"};
    private static final int SIZE = 360;
    private static final int LEFT = 60;
    private static final int TOP = 30;
    private static final int LEGEND = 300;

    private RocPlot() {}

    /**
     * The chart.
     *
     * @param id          unique id prefix within the page
     * @param title       title (accessible name)
     * @param description text alternative: what the chart shows
     * @param nonMembers  number of non-members (sets the floor of the axes)
     */
    static String svg(String id, String title, String description, List<Curve> curves, int nonMembers) {
        int decades = (int) Math.min(6, Math.max(1, Math.ceil(Math.log10(Math.max(10, nonMembers)))));
        double floor = Math.pow(10, -decades);
        int width = LEFT + SIZE + 20 + LEGEND;
        int height = TOP + SIZE + 50;
        StringBuilder s = new StringBuilder(8192);
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %d %d\" "
                + "width=\"%d\" height=\"%d\" aria-labelledby=\"%s-t %s-d\">", width, height, width, height, esc(id), esc(id)));
        s.append("<title id=\"").append(esc(id)).append("-t\">").append(esc(title)).append("</title>");
        s.append("<desc id=\"").append(esc(id)).append("-d\">").append(esc(description)).append("</desc>");
        s.append("<g font-size=\"12\">");
        for (int d = 0; d <= decades; d++) {
            double v = Math.pow(10, -d);
            double px = x(v, floor);
            double py = y(v, floor);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>", px, TOP, px,
                    TOP + SIZE));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>", LEFT, py,
                    LEFT + SIZE, py));
            String label = d == 0 ? "1" : "1e-" + d;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", px, TOP + SIZE + 16,
                    label));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT - 6, py + 4, label));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">false positive rate (log)</text>",
                LEFT + SIZE / 2, TOP + SIZE + 36));
        s.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">"
                + "true positive rate (log)</text>", TOP + SIZE / 2, TOP + SIZE / 2));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#000\"/>",
                LEFT, TOP, SIZE, SIZE));
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#777\" "
                + "stroke-dasharray=\"4 4\"/>", x(floor, floor), y(floor, floor), x(1, floor), y(1, floor)));
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            s.append("<polyline fill=\"none\" stroke-width=\"1.6\" stroke=\"").append(COLOURS[c % COLOURS.length]).append('"');
            String dash = DASHES[c % DASHES.length];
            if (!dash.isEmpty()) {
                s.append(" stroke-dasharray=\"").append(dash).append('"');
            }
            s.append(" points=\"");
            double lastX = Double.NaN;
            double lastY = Double.NaN;
            double[] f = curve.fpr();
            double[] t = curve.tpr();
            for (int i = 0; i < f.length; i++) {
                double px = x(f[i], floor);
                double py = y(t[i], floor);
                boolean last = i == f.length - 1;
                if (last || Double.isNaN(lastX) || Math.abs(px - lastX) >= 1 || Math.abs(py - lastY) >= 1) {
                    s.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                    lastX = px;
                    lastY = py;
                }
            }
            s.append("\"/>");
            int ly = TOP + 14 + 20 * c;
            int lx = LEFT + SIZE + 20;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1.6\"%s/>",
                    lx, ly - 4, lx + 30, ly - 4, COLOURS[c % COLOURS.length],
                    dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\""));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", lx + 36, ly, esc(curve.label())));
        }
        int ly = TOP + 14 + 20 * curves.size();
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#777\" stroke-dasharray=\"4 4\"/>",
                LEFT + SIZE + 20, ly - 4, LEFT + SIZE + 50, ly - 4));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">guessing (TPR = FPR)</text>", LEFT + SIZE + 56, ly));
        s.append("</g></svg>");
        return s.toString();
    }

    private static double x(double v, double floor) {
        return LEFT + SIZE * (Math.log10(Math.max(v, floor)) - Math.log10(floor)) / -Math.log10(floor);
    }

    private static double y(double v, double floor) {
        return TOP + SIZE - SIZE * (Math.log10(Math.max(v, floor)) - Math.log10(floor)) / -Math.log10(floor);
    }
}
