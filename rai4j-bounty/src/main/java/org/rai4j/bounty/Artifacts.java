package org.rai4j.bounty;

import org.rai4j.core.DataFileException;
import org.rai4j.core.Hashing;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Table;
import org.rai4j.onnx.OnnxLimits;
import org.rai4j.onnx.OnnxModel;
import org.rai4j.onnx.OnnxModelException;
import org.rai4j.onnx.OnnxOutput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns submitted {@link GroupSpec}s and {@link ModelSpec}s into {@link Group}s and {@link Predictor}s
 * for one bounty (one schema, one task). Predicates are parsed and schema-checked; constants are
 * checked against the classes; ONNX files are loaded through {@code rai4j-onnx} with its safety
 * checks, their input width checked against the schema, and cached by SHA-256. Closing releases the
 * ONNX sessions. Not thread-safe.
 */
public final class Artifacts implements AutoCloseable {
    private final DataSchema schema;
    private final Task task;
    private final OnnxLimits limits;
    private final Map<String, OnnxModel> onnxBySha = new LinkedHashMap<>();
    private final Map<Table, float[][]> encoded = new IdentityHashMap<>();

    /** Artefacts for {@code task} on data described by {@code schema}. */
    public Artifacts(DataSchema schema, Task task, OnnxLimits limits) {
        this.schema = Preconditions.checkNotNull(schema, "schema");
        this.task = Preconditions.checkNotNull(task, "task");
        this.limits = Preconditions.checkNotNull(limits, "limits");
    }

    /** The schema predicates are checked against. */
    public DataSchema schema() {
        return schema;
    }

    /** The task. */
    public Task task() {
        return task;
    }

    /**
     * The group a spec defines.
     *
     * @throws PredicateException for a predicate that does not parse or does not fit the schema
     * @throws ModelException     for an ONNX group that cannot be loaded
     */
    public Group group(GroupSpec spec) throws PredicateException, ModelException {
        if (spec instanceof GroupSpec.Predicate p) {
            return GroupPredicate.parse(p.text(), schema);
        }
        GroupSpec.Onnx o = (GroupSpec.Onnx) spec;
        return new OnnxGroup(load(o.file(), o.folder()), o.file().getFileName().toString());
    }

    /**
     * The model a spec defines.
     *
     * @throws PredicateException for a rule whose predicate does not parse or fit the schema
     * @throws ModelException     for an unknown constant, a rule on a multi-class task, or an unusable ONNX file
     */
    public Predictor model(ModelSpec spec) throws PredicateException, ModelException {
        if (spec instanceof ModelSpec.Rule r) {
            if (task.loss() == Loss.ZERO_ONE && !task.isBinary()) {
                throw new ModelException("a rule model needs a binary task; this one has classes " + task.classes());
            }
            return new RulePredictor(GroupPredicate.parse(r.predicate(), schema));
        }
        if (spec instanceof ModelSpec.Constant c) {
            double v;
            if (task.loss() == Loss.ZERO_ONE) {
                v = task.code(c.value());
                if (v < 0) {
                    throw new ModelException("constant '" + c.value() + "' is not a class; expected one of " + task.classes());
                }
            } else {
                try {
                    v = Double.parseDouble(c.value());
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                if (!Double.isFinite(v)) {
                    throw new ModelException("constant '" + c.value() + "' is not a finite number, as a squared-loss model must predict");
                }
            }
            return new ConstantPredictor(c.value(), v);
        }
        ModelSpec.Onnx o = (ModelSpec.Onnx) spec;
        return new OnnxPredictor(load(o.file(), o.folder()), o.file().getFileName().toString());
    }

    private OnnxModel load(Path file, Path folder) throws ModelException {
        byte[] bytes = readConfined(file, folder, limits.maxBytes());
        String sha = Hashing.sha256(bytes);
        OnnxModel m = onnxBySha.get(sha);
        if (m == null) {
            try {
                m = OnnxModel.load(bytes, file.getFileName().toString(), limits);
                m.checkInputWidth(schema.width());
            } catch (OnnxModelException e) {
                throw new ModelException(e.getMessage() + " (features in order: " + String.join(", ", schema.names()) + ")", e);
            }
            onnxBySha.put(sha, m);
        }
        return m;
    }

    /**
     * The bytes of an artefact file, read once (they are hashed and loaded from this one read). When
     * {@code folder} is given, the file must lie inside it: first lexically (so {@code ../} and absolute
     * paths are refused without touching the file system, with one message whether or not the target
     * exists), then by real path (symbolic links resolved); only regular files are opened (no device, FIFO
     * or directory, which could block or never end), and the size is checked before and while reading.
     */
    static byte[] readConfined(Path file, Path folder, long maxBytes) throws ModelException {
        Path target = file.toAbsolutePath().normalize();
        Path real;
        try {
            if (folder != null) {
                Path root = folder.toAbsolutePath().normalize();
                // One message for "outside" and "missing", so a hunter cannot probe which outside paths exist.
                String notInside = "the ONNX path '" + file + "' does not name a file inside the submission's folder " + root
                        + "; artefacts must be files in that folder";
                if (!target.startsWith(root)) {
                    throw new ModelException(notInside);
                }
                Path realRoot = root.toRealPath();
                try {
                    real = target.toRealPath();
                } catch (NoSuchFileException e) {
                    throw new ModelException(notInside);
                }
                if (!real.startsWith(realRoot)) {
                    throw new ModelException(notInside);
                }
            } else {
                try {
                    real = target.toRealPath();
                } catch (NoSuchFileException e) {
                    throw new ModelException(file + ": expected an ONNX file, but it does not exist");
                }
            }
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new ModelException(file + ": expected a regular ONNX file (not a directory, device or pipe)");
            }
            long size = Files.size(real);
            if (size > maxBytes) {
                throw new ModelException(file + ": the model has " + size + " bytes; at most " + maxBytes + " are accepted");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (bytes.length > maxBytes) {
                throw new ModelException(file + ": the model has more than " + maxBytes + " bytes; at most " + maxBytes + " are accepted");
            }
            return bytes;
        } catch (IOException e) {
            throw new ModelException(file + ": expected a readable ONNX file: " + e.getMessage(), e);
        }
    }

    private float[][] encode(Table table) throws DataFileException {
        float[][] x = encoded.get(table);
        if (x == null) {
            if (encoded.size() > 4) {
                encoded.clear();
            }
            x = schema.encode(table);
            encoded.put(table, x);
        }
        return x;
    }

    @Override
    public void close() throws ModelException {
        List<String> failures = new ArrayList<>();
        for (OnnxModel m : onnxBySha.values()) {
            try {
                m.close();
            } catch (OnnxModelException e) {
                failures.add(e.getMessage());
            }
        }
        onnxBySha.clear();
        if (!failures.isEmpty()) {
            throw new ModelException(String.join("; ", failures));
        }
    }

    /** The class code of an ONNX label, or NaN when it is not a class of the task. */
    private double codeOf(String label) {
        int k = task.code(label);
        if (k >= 0) {
            return k;
        }
        if (task.isBinary()) {
            if (label.equals("1") || label.equalsIgnoreCase("true")) {
                return 1;
            }
            if (label.equals("0") || label.equalsIgnoreCase("false")) {
                return 0;
            }
        }
        try {
            double v = Double.parseDouble(label);
            return v >= 0 && v < task.classes().size() && v == Math.rint(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private final class RulePredictor implements Predictor {
        private final GroupPredicate rule;

        RulePredictor(GroupPredicate rule) {
            this.rule = rule;
        }

        @Override
        public String description() {
            return "rule:" + rule.text();
        }

        @Override
        public String sha256() {
            return Hashing.sha256("rule:" + rule.canonical());
        }

        @Override
        public double[] predict(Table table) throws DataFileException {
            boolean[] m = rule.members(table);
            double[] out = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                out[i] = m[i] ? 1.0 : 0.0;
            }
            return out;
        }
    }

    private static final class ConstantPredictor implements Predictor {
        private final String text;
        private final double value;

        ConstantPredictor(String text, double value) {
            this.text = text;
            this.value = value;
        }

        @Override
        public String description() {
            return "constant:" + text;
        }

        @Override
        public String sha256() {
            return Hashing.sha256("constant:" + text);
        }

        @Override
        public double[] predict(Table table) {
            double[] out = new double[table.rowCount()];
            java.util.Arrays.fill(out, value);
            return out;
        }
    }

    private final class OnnxPredictor implements Predictor {
        private final OnnxModel model;
        private final String fileName;

        OnnxPredictor(OnnxModel model, String fileName) {
            this.model = model;
            this.fileName = fileName;
        }

        @Override
        public String description() {
            return "onnx:" + fileName;
        }

        @Override
        public String sha256() {
            return model.sha256();
        }

        @Override
        public double[] predict(Table table) throws DataFileException, ModelException {
            OnnxOutput out = run(model, encode(table));
            double[] p = new double[table.rowCount()];
            if (task.loss() == Loss.SQUARED) {
                if (out.values() == null) {
                    throw new ModelException(fileName + ": a squared-loss model must output one float per row");
                }
                return out.values().clone();
            }
            if (out.labels() == null) {
                throw new ModelException(fileName + ": a classifier must output labels or class probabilities");
            }
            for (int i = 0; i < p.length; i++) {
                p[i] = codeOf(out.labels()[i]);
            }
            return p;
        }
    }

    private final class OnnxGroup implements Group {
        private final OnnxModel model;
        private final String fileName;

        OnnxGroup(OnnxModel model, String fileName) {
            this.model = model;
            this.fileName = fileName;
        }

        @Override
        public String description() {
            return "onnx:" + fileName;
        }

        @Override
        public String sha256() {
            return model.sha256();
        }

        @Override
        public Set<String> columns() {
            return new java.util.LinkedHashSet<>(schema.names());
        }

        @Override
        public boolean[] members(Table table) throws DataFileException, ModelException {
            OnnxOutput out = run(model, encode(table));
            String[] labels = out.labels();
            boolean[] m = new boolean[table.rowCount()];
            for (int i = 0; i < m.length; i++) {
                String l = labels == null ? null : labels[i];
                m[i] = l != null && (l.equals("1") || l.equalsIgnoreCase("true")
                        || (task.isBinary() && l.equals(task.classes().get(1))));
            }
            return m;
        }
    }

    private static OnnxOutput run(OnnxModel model, float[][] x) throws ModelException {
        try {
            return model.run(x);
        } catch (OnnxModelException e) {
            throw new ModelException(e.getMessage(), e);
        }
    }
}
