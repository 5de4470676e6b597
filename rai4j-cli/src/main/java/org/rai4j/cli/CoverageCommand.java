package org.rai4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.Table;
import org.rai4j.fairness.Coverage;
import org.rai4j.fairness.CoverageReport;
import org.rai4j.report.CoverageRendering;
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
            run.json(CoverageRendering.json(report), json);
            if (!"-".equals(json)) {
                run.out.append("rai4j: wrote ").append(json).append('\n');
            }
        } else {
            run.out.append(CoverageRendering.text(report));
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
}
