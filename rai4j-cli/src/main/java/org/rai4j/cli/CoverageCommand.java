package org.rai4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.Table;
import org.rai4j.fairness.Coverage;
import org.rai4j.fairness.CoverageCell;
import org.rai4j.fairness.CoverageOrder;
import org.rai4j.fairness.CoverageReport;
import org.rai4j.fairness.CoverageStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rai4j coverage}: counts of every combination of the levels of some columns, with status. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"How well every combination of levels of the given dimensions is represented: the full cross "
                + "product and all 2-way pairs, each EMPTY, THIN (below --min-count) or OK; a coverage score per "
                + "interaction order (share of combinations that are OK); the missing cells."})
final class CoverageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with a header line.")
    Path data;

    @Option(names = "--dimension", required = true, paramLabel = "COLUMN", description = "A dimension column (repeatable).")
    List<String> dimensions;

    @Option(names = "--levels", paramLabel = "COLUMN=A,B,…",
            description = "Declared levels of a dimension (repeatable); values outside them are errors. Default: the observed levels.")
    List<String> levels = new ArrayList<>();

    @Option(names = "--min-count", defaultValue = "30", paramLabel = "N",
            description = "Combinations with fewer rows are THIN (default ${DEFAULT-VALUE}).")
    long minCount;

    @Option(names = "--json", paramLabel = "FILE", description = "Write JSON to FILE ('-' for standard output).")
    String json;

    @Override
    public Integer call() throws Exception {
        Map<String, List<String>> declared = parseLevels(levels);
        if (minCount < 1) {
            throw new UserException("--min-count must be >= 1, got " + minCount);
        }
        Coverage coverage = new Coverage(dimensions, declared, minCount);
        RunOutputs run = new RunOutputs().input("--data", data);
        run.declare("--json", json);
        Table table = new CsvTableReader().read(data, ReadProgress.of(data));
        CoverageReport report = coverage.of(table);
        if (json != null) {
            SpeechJson.write(toJson(report), json, run);
            if (!"-".equals(json)) {
                run.out.append("rai4j: wrote ").append(json).append('\n');
            }
        } else {
            java.io.StringWriter text = new java.io.StringWriter();
            try (PrintWriter pw = new PrintWriter(text)) {
                render(report, pw);
            }
            run.out.append(text);
        }
        run.finish(spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }

    /** Parses {@code col=a,b,c} options. */
    static Map<String, List<String>> parseLevels(List<String> specs) {
        Map<String, List<String>> declared = new LinkedHashMap<>();
        for (String s : specs) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new UserException("--levels must look like COLUMN=A,B,C, got '" + s + "'");
            }
            List<String> lv = new ArrayList<>();
            for (String v : s.substring(eq + 1).split(",")) {
                lv.add(v.strip());
            }
            if (declared.put(s.substring(0, eq).strip(), lv) != null) {
                throw new UserException("--levels given twice for '" + s.substring(0, eq) + "'");
            }
        }
        return declared;
    }

    /** The JSON shape: {@code {"cells":[…], "pairs":[…], "summary":{…}}}. */
    static Map<String, Object> toJson(CoverageReport r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cells", cellsJson(r.cells()));
        root.put("pairs", cellsJson(r.pairs()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("source", r.source());
        summary.put("rows", r.rows());
        long extraRows = 0;
        for (Map<String, Long> levels : r.extraLevels().values()) {
            for (long n : levels.values()) {
                extraRows += n;
            }
        }
        summary.put("rows_excluded_missing_value", r.rowsExcluded() - extraRows);
        if (!r.extraLevels().isEmpty()) {
            summary.put("extra_levels", r.extraLevels());
        }
        summary.put("min_count", r.minCount());
        summary.put("dimensions", r.dimensions());
        List<Map<String, Object>> orders = new ArrayList<>();
        for (CoverageOrder o : r.orders()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("order", o.order());
            m.put("combinations", o.combinations());
            m.put("ok", o.ok());
            m.put("thin", o.thin());
            m.put("empty", o.empty());
            m.put("score", o.score());
            m.put("observed", o.observed());
            orders.add(m);
        }
        summary.put("orders", orders);
        List<Map<String, String>> missing = new ArrayList<>();
        for (CoverageCell c : r.missingCells()) {
            missing.add(c.levels());
        }
        summary.put("missing_cells", missing);
        root.put("summary", summary);
        return root;
    }

    private static List<Map<String, Object>> cellsJson(List<CoverageCell> cells) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CoverageCell c : cells) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("levels", c.levels());
            m.put("n", c.n());
            m.put("status", c.status().name());
            out.add(m);
        }
        return out;
    }

    /** Human-readable rendering: one count grid per pair of dimensions, scores per order, missing cells. */
    static void render(CoverageReport r, PrintWriter out) {
        List<String> dims = new ArrayList<>(r.dimensions().keySet());
        long extraRows = 0;
        StringBuilder extras = new StringBuilder();
        for (Map.Entry<String, Map<String, Long>> e : r.extraLevels().entrySet()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Long> l : e.getValue().entrySet()) {
                parts.add(l.getKey() + " (" + l.getValue() + " rows)");
                extraRows += l.getValue();
            }
            extras.append(String.format(Locale.ROOT, "extra levels of %s (observed, not declared; rows left out): %s%n",
                    e.getKey(), String.join(", ", parts)));
        }
        long missingRows = r.rowsExcluded() - extraRows;
        List<String> excludedParts = new ArrayList<>();
        if (missingRows > 0) {
            excludedParts.add(missingRows + " excluded: missing value");
        }
        if (extraRows > 0) {
            excludedParts.add(extraRows + " excluded: extra level");
        }
        out.printf(Locale.ROOT, "coverage of %s in %s: %d rows%s; THIN = fewer than %d rows, '-' = EMPTY%n",
                String.join(" × ", dims), r.source(), r.rows(),
                excludedParts.isEmpty() ? "" : " (" + String.join(", ", excludedParts) + ")", r.minCount());
        out.print(extras);
        if (dims.size() == 1) {
            renderList(r.cells(), r.minCount(), out);
        } else {
            for (int a = 0; a < dims.size(); a++) {
                for (int b = a + 1; b < dims.size(); b++) {
                    out.println();
                    renderGrid(r, dims.get(a), dims.get(b), out);
                }
            }
        }
        out.println();
        out.println("order  combinations     OK   THIN  EMPTY   score (share OK)");
        for (CoverageOrder o : r.orders()) {
            out.printf(Locale.ROOT, "%5d  %12d %6d %6d %6d   %.3f%n", o.order(), o.combinations(), o.ok(), o.thin(),
                    o.empty(), o.score());
        }
        List<CoverageCell> missing = r.missingCells();
        if (missing.isEmpty()) {
            out.println("missing cells: none (every combination of " + String.join(" × ", dims) + " was observed)");
        } else {
            out.println("missing cells (" + missing.size() + " of " + r.cells().size() + "):");
            for (int i = 0; i < Math.min(20, missing.size()); i++) {
                out.println("  " + missing.get(i).label());
            }
            if (missing.size() > 20) {
                out.println("  … and " + (missing.size() - 20) + " more (use --json for all)");
            }
        }
    }

    private static void renderList(List<CoverageCell> cells, long minCount, PrintWriter out) {
        for (CoverageCell c : cells) {
            out.printf(Locale.ROOT, "  %-40s %8s%n", c.label(), mark(c, minCount));
        }
    }

    private static void renderGrid(CoverageReport r, String rowDim, String colDim, PrintWriter out) {
        List<String> rows = r.dimensions().get(rowDim);
        List<String> cols = r.dimensions().get(colDim);
        Map<String, CoverageCell> byKey = new LinkedHashMap<>();
        for (CoverageCell c : r.pairs()) {
            if (c.levels().size() == 2 && c.levels().containsKey(rowDim) && c.levels().containsKey(colDim)) {
                byKey.put(c.levels().get(rowDim) + "\u0000" + c.levels().get(colDim), c);
            }
        }
        if (byKey.isEmpty()) {
            for (CoverageCell c : r.cells()) {
                byKey.put(c.levels().get(rowDim) + "\u0000" + c.levels().get(colDim), c);
            }
        }
        int w0 = rowDim.length() + colDim.length() + 3;
        for (String s : rows) {
            w0 = Math.max(w0, s.length());
        }
        int[] w = new int[cols.size()];
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-" + w0 + "s", rowDim + " \\ " + colDim));
        for (int j = 0; j < cols.size(); j++) {
            w[j] = Math.max(7, cols.get(j).length());
            head.append("  ").append(String.format(Locale.ROOT, "%" + w[j] + "s", cols.get(j)));
        }
        out.println(head);
        for (String row : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + w0 + "s", row));
            for (int j = 0; j < cols.size(); j++) {
                CoverageCell c = byKey.get(row + "\u0000" + cols.get(j));
                line.append("  ").append(String.format(Locale.ROOT, "%" + w[j] + "s", c == null ? "?" : mark(c, r.minCount())));
            }
            out.println(line);
        }
    }

    private static String mark(CoverageCell c, long minCount) {
        if (c.status() == CoverageStatus.EMPTY) {
            return "-";
        }
        return c.status() == CoverageStatus.THIN ? c.n() + " THIN" : Long.toString(c.n());
    }
}
