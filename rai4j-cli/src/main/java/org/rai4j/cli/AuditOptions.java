package org.rai4j.cli;

import org.rai4j.fairness.Adjustment;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.MissingGroupPolicy;
import org.rai4j.fairness.Task;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The options that say how an audit is computed (shared by {@code audit} and {@code demo}). */
final class AuditOptions {
    @Option(names = "--group", paramLabel = "COL", description = "Group (sensitive) column; repeat for several: each alone and their intersection are audited.")
    List<String> groups = new ArrayList<>();

    @Option(names = "--control", paramLabel = "COL", description = "Control column: the analysis is repeated within each of its levels (Fairlearn control features).")
    List<String> controls = new ArrayList<>();

    @Option(names = "--missing-group", paramLabel = "POLICY", description = "What to do with rows whose group value is missing: error (default) or own-group.",
            converter = MissingGroupConverter.class, defaultValue = "error")
    MissingGroupPolicy missingGroup = MissingGroupPolicy.ERROR;

    /** Default of --min-group-size in rows. */
    static final int DEFAULT_MIN_GROUP_SIZE = 30;
    /** Default of --min-group-size with --cluster, in clusters (the jackknife interval needs two). */
    static final int DEFAULT_MIN_CLUSTERS = 2;

    @Option(names = "--min-group-size", paramLabel = "N", description = "Slices with fewer rows are INSUFFICIENT_DATA and left "
            + "out of gaps (default 30). With --cluster it counts clusters (default 2); slices with fewer than 10 clusters "
            + "are FEW_CLUSTERS (wide t interval, left out of gaps).")
    Integer minGroupSize;

    @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.95", description = "Interval confidence level (default ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "1000", description = "Bootstrap replicates (default ${DEFAULT-VALUE}; 0 = none).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Master seed of the bootstrap (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--adjust", paramLabel = "METHOD", defaultValue = "holm", converter = AdjustConverter.class,
            description = "Multiple-comparison adjustment of the pairwise tests (JSON aggregates.<metric>.pairs): holm (default), bh or none. "
                    + "Gap intervals and their significance always use simultaneous intervals over all pairs.")
    Adjustment adjust = Adjustment.HOLM;

    AuditSpec spec(Task task, String label, String prediction, String score, String weight, String positive, String negative) {
        return spec(task, label, prediction, score, weight, positive, negative, false);
    }

    /** The spec; with {@code clustered} an unset --min-group-size counts clusters (default 2). */
    AuditSpec spec(Task task, String label, String prediction, String score, String weight, String positive, String negative,
                   boolean clustered) {
        int min = minGroupSize != null ? minGroupSize : clustered ? DEFAULT_MIN_CLUSTERS : DEFAULT_MIN_GROUP_SIZE;
        return new AuditSpec(task, label, prediction, score, weight, positive, negative, groups, controls, missingGroup,
                min, confidence, bootstrap, seed, adjust);
    }

    static final class MissingGroupConverter implements picocli.CommandLine.ITypeConverter<MissingGroupPolicy> {
        @Override
        public MissingGroupPolicy convert(String v) {
            return switch (v) {
                case "error" -> MissingGroupPolicy.ERROR;
                case "own-group" -> MissingGroupPolicy.OWN_GROUP;
                default -> throw new picocli.CommandLine.TypeConversionException("expected error or own-group, got '" + v + "'");
            };
        }
    }

    static final class AdjustConverter implements picocli.CommandLine.ITypeConverter<Adjustment> {
        @Override
        public Adjustment convert(String v) {
            return switch (v) {
                case "holm" -> Adjustment.HOLM;
                case "bh" -> Adjustment.BH;
                case "none" -> Adjustment.NONE;
                default -> throw new picocli.CommandLine.TypeConversionException("expected holm, bh or none, got '" + v + "'");
            };
        }
    }
}
