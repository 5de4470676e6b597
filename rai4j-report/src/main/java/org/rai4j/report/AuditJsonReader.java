package org.rai4j.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.Estimate;
import org.rai4j.core.Interval;
import org.rai4j.core.IntervalMethod;
import org.rai4j.core.Provenance;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Status;
import org.rai4j.fairness.Adjustment;
import org.rai4j.fairness.AggregateValue;
import org.rai4j.fairness.Analysis;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.FairnessValue;
import org.rai4j.fairness.MetricAggregates;
import org.rai4j.fairness.MissingGroupPolicy;
import org.rai4j.fairness.SliceResult;
import org.rai4j.fairness.Task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code rai4j.audit/1} JSON file (as written by {@link AuditJson}) back into an
 * {@link AuditResult}, so that stored audits can be compared ({@code rai4j compare}), turned into
 * service cards and HTML reports exactly like audits in memory. The reading is exact:
 * {@code AuditJson.toJson(read(f))} reproduces the file's content. Problems are reported as a
 * {@link DataFileException} naming the file, the JSON field path and what was expected. Stateless.
 */
public final class AuditJsonReader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private AuditJsonReader() {}

    /** Reads an audit JSON file. */
    public static AuditResult read(Path file) throws DataFileException, IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(new DataProblem(file.toString(), 0, null,
                    "no such file; expected an audit JSON written by 'rai4j audit --json FILE'"));
        }
        return parse(JsonProblems.utf8(bytes, file.toString()), file.toString());
    }

    /** Parses audit JSON text; {@code fileName} names it in error messages. */
    public static AuditResult parse(String json, String fileName) throws DataFileException {
        if (json.isBlank()) {
            throw new DataFileException(new DataProblem(fileName, 0, null,
                    "the file is empty; expected an audit JSON written by 'rai4j audit --json FILE'"));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DataFileException(JsonProblems.syntax(fileName, e));
        }
        try {
            return new Reader().audit(new Node(root, ""));
        } catch (BadField e) {
            throw new DataFileException(new DataProblem(fileName, 0, null, e.getMessage()));
        } catch (IllegalArgumentException e) {
            // a value every field check let through but the audit's records refuse (their invariants): still the file's fault
            throw new DataFileException(new DataProblem(fileName, 0, null, "the audit's values are inconsistent: " + e.getMessage()
                    + "; expected an audit JSON written by 'rai4j audit --json FILE'"));
        }
    }

    /**
     * The {@code resampling_units} of a speech audit JSON (what a last-mile comparison resamples), or
     * null when the file has none (audits of other tasks, or written before they were recorded).
     */
    public static org.rai4j.fairness.ResamplingUnits readResamplingUnits(Path file) throws DataFileException, IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(JsonProblems.utf8(Files.readAllBytes(file), file.toString()));
        } catch (JsonProcessingException e) {
            throw new DataFileException(JsonProblems.syntax(file.toString(), e));
        }
        if (!root.has("resampling_units")) {
            return null;
        }
        try {
            Node n = new Node(root, "").get("resampling_units");
            List<String> stats = Reader.strings(n.get("statistics"));
            List<SliceKey> finest = new ArrayList<>();
            for (Node f : n.get("finest").array()) {
                finest.add(Reader.sliceKey(f));
            }
            List<org.rai4j.fairness.ResamplingUnits.Entry> entries = new ArrayList<>();
            for (Node e : n.get("entries").array()) {
                List<Node> v = e.array();
                if (v.size() != 3 + stats.size()) {
                    throw new BadField(e.path(), "[unit, slice, rows, " + String.join(", ", stats) + "]", e.json());
                }
                double[] values = new double[stats.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = v.get(3 + i).number();
                }
                entries.add(new org.rai4j.fairness.ResamplingUnits.Entry((int) v.get(0).integer(), (int) v.get(1).integer(),
                        v.get(2).integer(), values));
            }
            return new org.rai4j.fairness.ResamplingUnits(n.get("method").text(), stats, finest, entries,
                    (int) n.get("units").integer());
        } catch (BadField | IllegalArgumentException e) {
            throw new DataFileException(new DataProblem(file.toString(), 0, null, e.getMessage()));
        }
    }

    /** A field that is missing or has the wrong shape. */
    private static final class BadField extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadField(String path, String expected, JsonNode got) {
            super("field " + (path.isEmpty() ? "/" : path) + ": expected " + expected + ", got "
                    + (got == null || got.isMissingNode() ? "nothing (missing)" : shorten(got.toString())));
        }

        BadField(String message) {
            super(message);
        }

        private static String shorten(String s) {
            return s.length() > 60 ? s.substring(0, 57) + "..." : s;
        }
    }

    /** A JSON node with its path, and typed getters that name the path when they fail. */
    private record Node(JsonNode json, String path) {
        Node get(String name) {
            return new Node(json.path(name), path + "/" + name);
        }

        Node at(int i) {
            return new Node(json.path(i), path + "/" + i);
        }

        boolean has(String name) {
            return json.has(name);
        }

        boolean isNull() {
            return json.isNull() || json.isMissingNode();
        }

        String text() {
            if (!json.isTextual()) {
                throw new BadField(path, "a string", json);
            }
            return json.asText();
        }

        String textOrNull() {
            return isNull() ? null : text();
        }

        double number() {
            if (!json.isNumber()) {
                throw new BadField(path, "a number", json);
            }
            return json.asDouble();
        }

        /** A number, or NaN for JSON null (undefined values are written as null). */
        double numberOrNaN() {
            return isNull() ? Double.NaN : number();
        }

        boolean bool() {
            if (!json.isBoolean()) {
                throw new BadField(path, "true or false", json);
            }
            return json.asBoolean();
        }

        long integer() {
            if (!json.isIntegralNumber()) {
                throw new BadField(path, "a whole number", json);
            }
            return json.asLong();
        }

        /** A count of rows: a whole number >= 0. */
        long count() {
            long v = integer();
            if (v < 0 || !json.canConvertToLong()) {
                throw new BadField(path, "a whole number >= 0", json);
            }
            return v;
        }

        /** A count held in an int (group size, replicates, pairs): a whole number from 0 to 2^31 - 1. */
        int intCount() {
            long v = count();
            if (v > Integer.MAX_VALUE) {
                throw new BadField(path, "a whole number from 0 to " + Integer.MAX_VALUE, json);
            }
            return (int) v;
        }

        List<Node> array() {
            if (!json.isArray()) {
                throw new BadField(path, "an array", json);
            }
            List<Node> out = new ArrayList<>();
            for (int i = 0; i < json.size(); i++) {
                out.add(at(i));
            }
            return out;
        }

        Map<String, Node> object() {
            if (!json.isObject()) {
                throw new BadField(path, "an object", json);
            }
            Map<String, Node> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : json.properties()) {
                out.put(e.getKey(), new Node(e.getValue(), path + "/" + e.getKey()));
            }
            return out;
        }

        <E extends Enum<E>> E enumValue(Class<E> type) {
            String t = text();
            try {
                return Enum.valueOf(type, t.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new BadField(path, "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT), json);
            }
        }
    }

    private record Reader() {
        AuditResult audit(Node root) {
            if (!root.json().isObject()) {
                throw new BadField(root.path(), "an object (an audit JSON written by 'rai4j audit --json FILE')", root.json());
            }
            String schema = root.get("schema").textOrNull();
            if (!AuditResult.SCHEMA.equals(schema)) {
                throw new BadField("field /schema: expected \"" + AuditResult.SCHEMA + "\" (an audit JSON written by "
                        + "'rai4j audit --json FILE'), got " + (schema == null ? "nothing" : "\"" + schema + "\""));
            }
            Provenance provenance = provenance(root.get("provenance"));
            Task task = root.get("task").enumValue(Task.class);
            List<String> classes = strings(root.get("classes"));
            AuditSpec spec = spec(root, task, classes, provenance);
            Analysis main = analysis(root, SliceKey.OVERALL);
            List<Analysis> byControl = new ArrayList<>();
            for (Node c : root.get("by_control").array()) {
                byControl.add(analysis(c, sliceKey(c.get("control"))));
            }
            Node bin = root.get("score_binning");
            org.rai4j.fairness.ScoreBinning binning = null;
            if (!bin.isNull()) {
                long bins = bin.get("bins").integer();
                if (bins < 1 || bins > Integer.MAX_VALUE) {
                    throw new BadField(bin.path() + "/bins", "a whole number >= 1", bin.get("bins").json());
                }
                binning = new org.rai4j.fairness.ScoreBinning((int) bins, bin.get("exact").bool(), bin.get("auc_error_bound").number(),
                        bin.get("brier_error_bound").number(), bin.get("ece_error_bound").number());
            }
            return new AuditResult(spec, root.get("n").count(), classes, main, byControl,
                    root.get("bootstrap_method").text(), provenance, binning);
        }

        private AuditSpec spec(Node root, Task task, List<String> classes, Provenance p) {
            Map<String, String> c = p.config();
            String positive = c.getOrDefault("positive_label", "1");
            String negative = task == Task.BINARY && classes.size() == 2 ? classes.get(0) : null;
            List<String> controls = new ArrayList<>();
            List<Node> byControl = root.get("by_control").array();
            if (!byControl.isEmpty()) {
                controls.addAll(sliceKey(byControl.get(0).get("control")).attributes());
            }
            String missing = c.getOrDefault("missing_group", "error");
            MissingGroupPolicy policy = missing.equals("own-group") ? MissingGroupPolicy.OWN_GROUP : MissingGroupPolicy.ERROR;
            Node seed = root.get("seed");
            try {
                return new AuditSpec(task, config(c, "label"), config(c, "prediction"), c.get("score"), c.get("weight"),
                        positive, negative, strings(root.get("group_columns")), controls, policy,
                        root.get("min_group_size").intCount(), root.get("confidence").number(),
                        root.get("bootstrap").intCount(), seed.integer(), root.get("adjust").enumValue(Adjustment.class));
            } catch (IllegalArgumentException e) {
                throw new BadField("the audit's settings are invalid: " + e.getMessage());
            }
        }

        private static String config(Map<String, String> c, String key) {
            String v = c.get(key);
            if (v == null) {
                throw new BadField("field /provenance/config/" + key + ": expected a string, got nothing (missing)");
            }
            return v;
        }

        private Provenance provenance(Node n) {
            Node seed = n.get("seed");
            Map<String, String> inputs = new LinkedHashMap<>();
            n.get("inputs_sha256").object().forEach((k, v) -> inputs.put(k, v.text()));
            Map<String, String> config = new LinkedHashMap<>();
            n.get("config").object().forEach((k, v) -> config.put(k, v.text()));
            return new Provenance(n.get("tool").text(), n.get("version").text(), n.get("jvm").text(),
                    seed.isNull() ? null : seed.integer(), inputs, config);
        }

        private Analysis analysis(Node n, SliceKey control) {
            SliceResult overall = sliceResult(n.get("overall"), SliceKey.OVERALL);
            List<SliceResult> groups = new ArrayList<>();
            for (Node g : n.get("groups").array()) {
                groups.add(sliceResult(g, sliceKey(g.get("slice"))));
            }
            Map<String, MetricAggregates> aggregates = new LinkedHashMap<>();
            n.get("aggregates").object().forEach((k, v) -> aggregates.put(k, aggregates(v)));
            Map<String, FairnessValue> fairness = new LinkedHashMap<>();
            n.get("fairness").object().forEach((k, v) -> fairness.put(k, fairness(v)));
            return new Analysis(control, overall, groups, aggregates, fairness);
        }

        private SliceResult sliceResult(Node n, SliceKey key) {
            Map<String, Estimate> metrics = new LinkedHashMap<>();
            n.get("metrics").object().forEach((k, v) -> metrics.put(k, estimate(v)));
            Map<String, Double> counts = new LinkedHashMap<>();
            n.get("counts").object().forEach((k, v) -> counts.put(k, v.numberOrNaN()));
            return new SliceResult(key, n.get("n").count(), n.get("status").enumValue(Status.class),
                    n.get("reason").textOrNull(), metrics, counts);
        }

        private Estimate estimate(Node n) {
            Interval ci = null;
            if (!n.get("ci").isNull()) {
                IntervalMethod method = n.get("ci_method").enumValue(IntervalMethod.class);
                ci = interval(n.get("ci"), method);
            }
            Status status = n.get("status").enumValue(Status.class);
            String reason = n.get("reason").textOrNull();
            if (status != Status.OK && reason == null) {
                throw new BadField(n.path() + "/reason", "a reason for status " + status, null);
            }
            return new Estimate(n.get("value").numberOrNaN(), n.get("n").count(), ci, status, reason);
        }

        private static Interval interval(Node n, IntervalMethod method) {
            List<Node> b = n.array();
            if (b.size() != 2) {
                throw new BadField(n.path(), "[lo, hi]", n.json());
            }
            double lo = b.get(0).number();
            double hi = b.get(1).number();
            if (lo > hi) {
                throw new BadField(n.path(), "[lo, hi] with lo <= hi", n.json());
            }
            return new Interval(lo, hi, method);
        }

        private MetricAggregates aggregates(Node n) {
            AggregateValue[] v = new AggregateValue[MetricAggregates.NAMES.size()];
            String reason = n.get("reason").textOrNull();
            Node cis = n.get("ci");
            // files written before the simultaneous intervals have no "ci_method" here: percentile intervals
            IntervalMethod method = n.has("ci_method") ? n.get("ci_method").enumValue(IntervalMethod.class)
                    : IntervalMethod.BOOTSTRAP_PERCENTILE;
            for (int i = 0; i < v.length; i++) {
                String name = MetricAggregates.NAMES.get(i);
                double value = n.get(name).numberOrNaN();
                Interval ci = cis.has(name) ? interval(cis.get(name), method) : null;
                v[i] = Double.isNaN(value)
                        ? new AggregateValue(Double.NaN, null, Status.UNDEFINED, reason == null ? "undefined" : reason)
                        : new AggregateValue(value, ci, Status.OK, null);
            }
            if (n.has("arg_min") != n.has("arg_max")) {
                String missing = n.has("arg_min") ? "arg_max" : "arg_min";
                throw new BadField(n.path() + "/" + missing, "a slice (arg_min and arg_max come together)", n.get(missing).json());
            }
            SliceKey argMin = n.has("arg_min") ? sliceKey(n.get("arg_min")) : null;
            SliceKey argMax = n.has("arg_max") ? sliceKey(n.get("arg_max")) : null;
            List<org.rai4j.fairness.PairTest> pairs = new ArrayList<>();
            int pairCount = 0;
            if (n.has("pairs")) {
                pairCount = n.get("pair_count").intCount();
                for (Node p : n.get("pairs").array()) {
                    Interval ci = p.get("ci").isNull() ? null
                            : interval(p.get("ci"), p.get("ci_method").enumValue(IntervalMethod.class));
                    pairs.add(new org.rai4j.fairness.PairTest(sliceKey(p.get("high")), sliceKey(p.get("low")),
                            p.get("difference").numberOrNaN(), ci, p.get("p_value").numberOrNaN(),
                            p.get("p_value_adjusted").numberOrNaN()));
                }
            }
            return new MetricAggregates(v[0], v[1], v[2], v[3], v[4], v[5], argMin, argMax, strings(n.get("excluded")),
                    pairs, pairCount);
        }

        private FairnessValue fairness(Node n) {
            Interval ci = n.get("ci").isNull() ? null : interval(n.get("ci"), n.get("ci_method").enumValue(IntervalMethod.class));
            Boolean significant = null;
            if (n.has("significant")) {
                if (!n.get("significant").json().isBoolean()) {
                    throw new BadField(n.path() + "/significant", "true or false", n.get("significant").json());
                }
                significant = n.get("significant").json().asBoolean();
            }
            double p = n.has("p_value_adjusted") ? n.get("p_value_adjusted").numberOrNaN() : Double.NaN;
            if (n.has("high") != n.has("low")) {
                String missing = n.has("high") ? "low" : "high";
                throw new BadField(n.path() + "/" + missing, "a slice (high and low come together)", n.get(missing).json());
            }
            return new FairnessValue(n.get("value").numberOrNaN(), ci, n.get("status").enumValue(Status.class),
                    n.get("reason").textOrNull(), significant, p, n.get("metric").textOrNull(),
                    n.has("high") ? sliceKey(n.get("high")) : null, n.has("low") ? sliceKey(n.get("low")) : null);
        }

        static SliceKey sliceKey(Node n) {
            List<String> attrs = new ArrayList<>();
            List<String> values = new ArrayList<>();
            n.object().forEach((k, v) -> {
                attrs.add(k);
                values.add(v.text());
            });
            return new SliceKey(attrs, values);
        }

        static List<String> strings(Node n) {
            List<String> out = new ArrayList<>();
            for (Node s : n.array()) {
                out.add(s.text());
            }
            return out;
        }
    }
}
