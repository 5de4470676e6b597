package org.rai4j.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The teams × features heatmap of a bounty as a self-contained SVG (as in the Diversified Ensembling
 * paper's figure 4): one column per team, one row per feature, cell shade = share of the team's
 * submissions whose group mentions the feature, with the percentage written in the cell.
 */
final class BountyHeatmapSvg {
    private BountyHeatmapSvg() {}

    static String render(Map<String, Map<String, Double>> usage) {
        List<String> teams = new ArrayList<>(usage.keySet());
        TreeSet<String> featureSet = new TreeSet<>();
        usage.values().forEach(r -> featureSet.addAll(r.keySet()));
        List<String> features = new ArrayList<>(featureSet);
        int cell = 44;
        int left = 160;
        int top = 110;
        int width = Math.max(480, left + cell * Math.max(1, teams.size()) + 20);
        int height = top + cell * Math.max(1, features.size()) + 40;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                width, height));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\">Share of each team's submissions whose group uses the feature</text>%n", 10));
        for (int t = 0; t < teams.size(); t++) {
            int x = left + t * cell + cell / 2;
            sb.append(String.format(Locale.ROOT, "<text transform=\"translate(%d,%d) rotate(-45)\">%s</text>%n", x, top - 6, escape(teams.get(t))));
        }
        for (int f = 0; f < features.size(); f++) {
            int y = top + f * cell;
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", left - 6, y + cell / 2 + 4,
                    escape(features.get(f))));
            for (int t = 0; t < teams.size(); t++) {
                double v = usage.get(teams.get(t)).getOrDefault(features.get(f), 0.0);
                int shade = (int) Math.round(255 - 200 * v);
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"rgb(%d,%d,255)\" stroke=\"#ccc\"/>%n",
                        left + t * cell, y, cell, cell, shade, shade));
                if (v > 0) {
                    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\">%.0f%%</text>%n",
                            left + t * cell + cell / 2, y + cell / 2 + 4, v > 0.6 ? "white" : "black", 100 * v));
                }
            }
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
