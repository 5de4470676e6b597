package org.rai4j.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import org.rai4j.core.Hashing;
import org.rai4j.core.Preconditions;
import org.rai4j.onnx.internal.ProtoReader;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An ONNX model loaded into ONNX Runtime (CPU, one intra-op thread) after safety checks, run on rows
 * of float features. Before ONNX Runtime sees the bytes the model is inspected: size ≤
 * {@link OnnxLimits#maxBytes()}, every operator set and node domain in
 * {@link OnnxLimits#allowedDomains()} (custom operators are rejected), no model-local functions, no
 * external-data tensors. The model must have exactly one input: a float tensor [N, d].
 *
 * <p>Outputs are interpreted by {@link #run(float[][])}: a label tensor (int64/int32/string) gives
 * labels; a probability tensor [N, k] or a ZipMap sequence of maps gives the arg-max class when no
 * label tensor exists; a float tensor with one value per row gives regression values.
 *
 * <p>Thread-safety: {@link #run} may be called from several threads (ONNX Runtime sessions are
 * thread-safe); {@link #close()} must not race with running calls.
 */
public final class OnnxModel implements AutoCloseable {
    private static final int CHUNK_ROWS = 1 << 16;

    private final String name;
    private final String sha256;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;
    private final long inputWidth;

    private OnnxModel(String name, String sha256, OrtEnvironment env, OrtSession session, String inputName, long inputWidth) {
        this.name = name;
        this.sha256 = sha256;
        this.env = env;
        this.session = session;
        this.inputName = inputName;
        this.inputWidth = inputWidth;
    }

    /**
     * Loads {@code file} after the safety checks.
     *
     * @throws OnnxModelException naming the file and the failed check
     */
    public static OnnxModel load(Path file, OnnxLimits limits) throws OnnxModelException {
        Preconditions.checkNotNull(file, "file");
        Preconditions.checkNotNull(limits, "limits");
        String name = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw new OnnxModelException(name + ": the model has " + size + " bytes; at most " + limits.maxBytes() + " are accepted");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new OnnxModelException(name + ": expected an ONNX model file, but it does not exist");
        } catch (IOException e) {
            throw new OnnxModelException(name + ": cannot read the model: " + e.getMessage(), e);
        }
        return load(bytes, name, limits);
    }

    /** Loads a model held in memory; {@code name} is used in messages. */
    public static OnnxModel load(byte[] bytes, String name, OnnxLimits limits) throws OnnxModelException {
        if (bytes.length > limits.maxBytes()) {
            throw new OnnxModelException(name + ": the model has " + bytes.length + " bytes; at most " + limits.maxBytes() + " are accepted");
        }
        inspect(bytes, name, limits);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            session = env.createSession(bytes, options);
            Map<String, NodeInfo> inputs = session.getInputInfo();
            if (inputs.size() != 1) {
                throw new OnnxModelException(name + ": expected exactly one input (a float tensor [N, features]), got "
                        + inputs.size() + ": " + inputs.keySet());
            }
            NodeInfo input = inputs.values().iterator().next();
            if (!(input.getInfo() instanceof TensorInfo ti) || ti.type != OnnxJavaType.FLOAT || ti.getShape().length != 2) {
                throw new OnnxModelException(name + ": expected the input '" + input.getName()
                        + "' to be a float tensor [N, features], got " + input.getInfo());
            }
            return new OnnxModel(name, Hashing.sha256(bytes), env, session, input.getName(), ti.getShape()[1]);
        } catch (OrtException e) {
            closeQuietly(session);
            throw new OnnxModelException(name + ": ONNX Runtime cannot load the model: " + e.getMessage(), e);
        } catch (OnnxModelException e) {
            closeQuietly(session);
            throw e;
        }
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // the load already failed; its error is the one to report
            }
        }
    }

    /** Checks size-independent safety rules on the raw ModelProto bytes. */
    static void inspect(byte[] bytes, String name, OnnxLimits limits) throws OnnxModelException {
        try {
            ProtoReader model = new ProtoReader(bytes, 0, bytes.length);
            boolean hasGraph = false;
            while (model.next()) {
                switch (model.field()) {
                    case 8 -> { // opset_import
                        ProtoReader opset = model.message();
                        String domain = "";
                        while (opset.next()) {
                            if (opset.field() == 1 && opset.wireType() == 2) {
                                domain = opset.string();
                            } else {
                                opset.skip();
                            }
                        }
                        checkDomain(domain, "operator set import", name, limits);
                    }
                    case 7 -> {
                        hasGraph = true;
                        inspectGraph(model.message(), name, limits, 0);
                    }
                    case 25 -> throw new OnnxModelException(name + ": model-local functions are not accepted; "
                            + "export with standard operators only");
                    default -> model.skip();
                }
            }
            if (!hasGraph) {
                throw new OnnxModelException(name + ": not an ONNX model (no graph found)");
            }
        } catch (IllegalArgumentException e) {
            throw new OnnxModelException(name + ": not a well-formed ONNX file: " + e.getMessage(), e);
        }
    }

    private static void inspectGraph(ProtoReader graph, String name, OnnxLimits limits, int depth) throws OnnxModelException {
        if (depth > 16) {
            throw new OnnxModelException(name + ": subgraphs nest deeper than 16 levels");
        }
        while (graph.next()) {
            switch (graph.field()) {
                case 1 -> inspectNode(graph.message(), name, limits, depth);
                case 5 -> inspectTensor(graph.message(), name);
                default -> graph.skip();
            }
        }
    }

    private static void inspectNode(ProtoReader node, String name, OnnxLimits limits, int depth) throws OnnxModelException {
        String domain = "";
        String op = "?";
        while (node.next()) {
            switch (node.field()) {
                case 7 -> domain = node.string();
                case 4 -> op = node.string();
                case 5 -> { // attribute: subgraphs (g = 6, graphs = 11) and tensors (t = 5, tensors = 10)
                    ProtoReader attr = node.message();
                    while (attr.next()) {
                        if ((attr.field() == 6 || attr.field() == 11) && attr.wireType() == 2) {
                            inspectGraph(attr.message(), name, limits, depth + 1);
                        } else if ((attr.field() == 5 || attr.field() == 10) && attr.wireType() == 2) {
                            inspectTensor(attr.message(), name);
                        } else {
                            attr.skip();
                        }
                    }
                }
                default -> node.skip();
            }
        }
        checkDomain(domain, "operator '" + op + "'", name, limits);
    }

    private static void inspectTensor(ProtoReader tensor, String name) throws OnnxModelException {
        while (tensor.next()) {
            if (tensor.field() == 14 && tensor.wireType() == 0) {
                if (tensor.varint() == 1) {
                    throw new OnnxModelException(name + ": tensors stored as external data are not accepted; embed them in the file");
                }
            } else if (tensor.field() == 13) {
                throw new OnnxModelException(name + ": tensors stored as external data are not accepted; embed them in the file");
            } else {
                tensor.skip();
            }
        }
    }

    private static void checkDomain(String domain, String what, String name, OnnxLimits limits) throws OnnxModelException {
        if (!limits.allowedDomains().contains(domain)) {
            throw new OnnxModelException(name + ": " + what + " uses the custom domain '" + domain
                    + "'; only the standard domains " + limits.allowedDomains() + " are accepted");
        }
    }

    /** The name given at load (file path). */
    public String name() {
        return name;
    }

    /** Hex SHA-256 of the model bytes. */
    public String sha256() {
        return sha256;
    }

    /** The declared number of input features, or −1 when the model leaves it dynamic. */
    public long inputWidth() {
        return inputWidth;
    }

    /**
     * Fails unless the model accepts rows of {@code features} values.
     *
     * @throws OnnxModelException naming both widths
     */
    public void checkInputWidth(int features) throws OnnxModelException {
        if (inputWidth >= 0 && inputWidth != features) {
            throw new OnnxModelException(name + ": the model's input '" + inputName + "' takes " + inputWidth
                    + " features per row, but the data has " + features + " feature columns");
        }
    }

    /**
     * Runs the model on {@code rows} (each of the same width), in chunks.
     *
     * @throws OnnxModelException when ONNX Runtime fails or the outputs are not usable
     */
    public OnnxOutput run(float[][] rows) throws OnnxModelException {
        int n = rows.length;
        String[] labels = null;
        double[] values = null;
        double[] positive = null;
        int width = n == 0 ? (int) Math.max(inputWidth, 0) : rows[0].length;
        for (int start = 0; start < n; start += CHUNK_ROWS) {
            int len = Math.min(CHUNK_ROWS, n - start);
            FloatBuffer fb = FloatBuffer.allocate(len * width);
            for (int i = 0; i < len; i++) {
                Preconditions.checkArgument(rows[start + i].length == width, "all rows must have " + width + " values");
                fb.put(rows[start + i]);
            }
            fb.flip();
            Chunk chunk = runChunk(fb, len, width);
            if (start == 0) {
                labels = chunk.labels == null ? null : new String[n];
                values = chunk.values == null ? null : new double[n];
                positive = chunk.positive == null ? null : new double[n];
            }
            if (positive != null && chunk.positive != null) {
                System.arraycopy(chunk.positive, 0, positive, start, len);
            }
            if (labels != null && chunk.labels != null) {
                System.arraycopy(chunk.labels, 0, labels, start, len);
            }
            if (values != null && chunk.values != null) {
                System.arraycopy(chunk.values, 0, values, start, len);
            }
        }
        if (n > 0 && labels == null && values == null) {
            throw new OnnxModelException(name + ": the model has no usable output; expected a label tensor, "
                    + "a probability tensor [N, k], a ZipMap, or a float tensor with one value per row");
        }
        return new OnnxOutput(labels, values, positive);
    }

    private record Chunk(String[] labels, double[] values, double[] positive) {}

    private Chunk runChunk(FloatBuffer fb, int len, int width) throws OnnxModelException {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, fb, new long[] {len, width});
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            String[] labels = null;
            String[] argmax = null;
            double[] values = null;
            double[] positive = null;
            for (Map.Entry<String, OnnxValue> e : result) {
                OnnxValue v = e.getValue();
                if (v instanceof OnnxTensor t) {
                    TensorInfo ti = t.getInfo();
                    long[] shape = ti.getShape();
                    boolean perRow = shape.length == 1 || (shape.length == 2 && shape[1] == 1);
                    switch (ti.type) {
                        case INT64, INT32, STRING -> {
                            if (labels == null && perRow) {
                                labels = labelsOf(t, ti.type, len);
                            }
                        }
                        case FLOAT, DOUBLE -> {
                            double[][] m = asMatrix(t, ti.type, len);
                            if (perRow && values == null) {
                                values = new double[len];
                                for (int i = 0; i < len; i++) {
                                    values[i] = m[i][0];
                                }
                            } else if (!perRow && argmax == null) {
                                argmax = new String[len];
                                for (int i = 0; i < len; i++) {
                                    argmax[i] = Integer.toString(argmaxIndex(m[i]));
                                }
                                if (shape.length == 2 && shape[1] == 2) {
                                    positive = new double[len];
                                    for (int i = 0; i < len; i++) {
                                        positive[i] = m[i][1];
                                    }
                                }
                            }
                        }
                        default -> { }
                    }
                } else if (v instanceof OnnxSequence seq && argmax == null) {
                    argmax = zipMapArgmax(seq, len);
                    positive = zipMapPositive(seq, len);
                }
            }
            return new Chunk(labels != null ? labels : argmax, values, positive);
        } catch (OrtException e) {
            throw new OnnxModelException(name + ": ONNX Runtime failed to run the model: " + e.getMessage(), e);
        }
    }

    private String[] labelsOf(OnnxTensor t, OnnxJavaType type, int len) throws OrtException {
        String[] out = new String[len];
        Object raw = t.getValue();
        for (int i = 0; i < len; i++) {
            Object cell = raw instanceof long[] a ? (Object) a[i]
                    : raw instanceof int[] a ? (Object) a[i]
                    : raw instanceof String[] a ? (Object) a[i]
                    : raw instanceof long[][] a ? (Object) a[i][0]
                    : raw instanceof int[][] a ? (Object) a[i][0]
                    : raw instanceof String[][] a ? (Object) a[i][0] : null;
            out[i] = String.valueOf(cell);
        }
        return out;
    }

    private static double[][] asMatrix(OnnxTensor t, OnnxJavaType type, int len) throws OrtException {
        Object raw = t.getValue();
        double[][] m = new double[len][];
        for (int i = 0; i < len; i++) {
            if (raw instanceof float[] a) {
                m[i] = new double[] {a[i]};
            } else if (raw instanceof double[] a) {
                m[i] = new double[] {a[i]};
            } else if (raw instanceof float[][] a) {
                m[i] = new double[a[i].length];
                for (int k = 0; k < a[i].length; k++) {
                    m[i][k] = a[i][k];
                }
            } else if (raw instanceof double[][] a) {
                m[i] = a[i].clone();
            } else {
                throw new IllegalStateException("unexpected " + type + " tensor value " + raw.getClass());
            }
        }
        return m;
    }

    private static int argmaxIndex(double[] row) {
        int best = 0;
        for (int k = 1; k < row.length; k++) {
            if (row[k] > row[best]) {
                best = k;
            }
        }
        return best;
    }

    /** P(class 1) per row of a ZipMap whose keys are exactly {0, 1} (as numbers or text); else null. */
    private static double[] zipMapPositive(OnnxSequence seq, int len) throws OrtException {
        List<? extends OnnxValue> maps = seq.getValue();
        double[] out = new double[len];
        for (int i = 0; i < len && i < maps.size(); i++) {
            if (!(maps.get(i) instanceof OnnxMap map)) {
                return null;
            }
            Map<? extends Object, ? extends Object> m = map.getValue();
            Double p = null;
            for (Map.Entry<? extends Object, ? extends Object> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!key.equals("0") && !key.equals("1")) {
                    return null;
                }
                if (key.equals("1")) {
                    p = ((Number) e.getValue()).doubleValue();
                }
            }
            if (m.size() != 2 || p == null) {
                return null;
            }
            out[i] = p;
        }
        return out;
    }

    private String[] zipMapArgmax(OnnxSequence seq, int len) throws OrtException, OnnxModelException {
        List<? extends OnnxValue> maps = seq.getValue();
        if (maps.size() != len) {
            throw new OnnxModelException(name + ": the ZipMap output has " + maps.size() + " entries for " + len + " rows");
        }
        String[] out = new String[len];
        for (int i = 0; i < len; i++) {
            if (!(maps.get(i) instanceof OnnxMap map)) {
                throw new OnnxModelException(name + ": expected a sequence of maps (ZipMap), got " + maps.get(i).getInfo());
            }
            Object bestKey = null;
            double best = Double.NEGATIVE_INFINITY;
            for (Map.Entry<? extends Object, ? extends Object> e : map.getValue().entrySet()) {
                double p = ((Number) e.getValue()).doubleValue();
                if (bestKey == null || p > best) {
                    best = p;
                    bestKey = e.getKey();
                }
            }
            out[i] = String.valueOf(bestKey);
        }
        return out;
    }

    @Override
    public void close() throws OnnxModelException {
        try {
            session.close();
        } catch (OrtException e) {
            throw new OnnxModelException(name + ": cannot release the ONNX Runtime session: " + e.getMessage(), e);
        }
    }
}
