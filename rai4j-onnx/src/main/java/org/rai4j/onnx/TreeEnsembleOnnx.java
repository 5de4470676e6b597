package org.rai4j.onnx;

import org.rai4j.core.Preconditions;
import org.rai4j.onnx.internal.ProtoWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a decision-tree ensemble as an ONNX model: one {@code ai.onnx.ml.TreeEnsembleClassifier}
 * node (opset ai.onnx.ml 3, default opset 17, IR version 8) reading a float input {@code X} [N, d];
 * outputs {@code label} (int64 [N]) and either {@code probabilities} (float [N, k]) or, with ZipMap,
 * {@code output_probability} (a sequence of int64→float maps, as skl2onnx exports by default). Class
 * scores are the sums of the leaf weights over the trees ({@code post_transform = NONE}). Contract:
 * leaves hold class probabilities already divided by the number of trees, so scores are averaged
 * probabilities summing to 1; then the label is the arg-max class (for two classes only the class-1
 * weights are written and ONNX Runtime labels a row 1 when their sum exceeds 0.5, the same thing). Used to export our own trees
 * and to build test models. Stateless.
 */
public final class TreeEnsembleOnnx {
    private TreeEnsembleOnnx() {}

    /** A tree node: a branch or a leaf. Children are indexes into the tree's node list. */
    public sealed interface Node permits Branch, Leaf {}

    /**
     * {@code x[feature] <= threshold} goes to {@code whenTrue}, else {@code whenFalse}; a missing
     * (NaN) value goes to {@code whenTrue} iff {@code missingGoesTrue}.
     */
    public record Branch(int feature, float threshold, int whenTrue, int whenFalse, boolean missingGoesTrue) implements Node {}

    /** A leaf adding {@code weights[k]} to the score of class k. */
    public record Leaf(float[] weights) implements Node {
        public Leaf {
            weights = weights.clone();
        }

        @Override
        public float[] weights() {
            return weights.clone();
        }
    }

    /** A tree; node 0 is the root. */
    public record Tree(List<Node> nodes) {
        public Tree {
            nodes = List.copyOf(nodes);
            Preconditions.checkArgument(!nodes.isEmpty(), "a tree needs at least one node");
        }
    }

    /**
     * The ONNX bytes of the classifier.
     *
     * @param features    input width d
     * @param classLabels the int64 label of each class, in score order
     * @param trees       the trees
     * @param zipMap      true for a ZipMap probability output, false for a float tensor [N, k]
     */
    public static byte[] classifier(int features, long[] classLabels, List<Tree> trees, boolean zipMap) {
        Preconditions.checkAtLeast(features, 1, "features");
        Preconditions.checkArgument(classLabels.length >= 2, "need at least 2 classes");
        Preconditions.checkArgument(!trees.isEmpty(), "need at least one tree");
        List<Long> treeIds = new ArrayList<>();
        List<Long> nodeIds = new ArrayList<>();
        List<Long> featureIds = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        List<String> modes = new ArrayList<>();
        List<Long> trueIds = new ArrayList<>();
        List<Long> falseIds = new ArrayList<>();
        List<Long> missingTrue = new ArrayList<>();
        List<Long> classTree = new ArrayList<>();
        List<Long> classNode = new ArrayList<>();
        List<Long> classIds = new ArrayList<>();
        List<Float> classWeights = new ArrayList<>();
        for (int t = 0; t < trees.size(); t++) {
            List<Node> nodes = trees.get(t).nodes();
            for (int i = 0; i < nodes.size(); i++) {
                treeIds.add((long) t);
                nodeIds.add((long) i);
                if (nodes.get(i) instanceof Branch b) {
                    Preconditions.checkArgument(b.feature() >= 0 && b.feature() < features, "feature index " + b.feature() + " out of range");
                    Preconditions.checkArgument(b.whenTrue() > i && b.whenTrue() < nodes.size() && b.whenFalse() > i
                            && b.whenFalse() < nodes.size(), "children must come after their parent in the node list");
                    featureIds.add((long) b.feature());
                    values.add(b.threshold());
                    modes.add("BRANCH_LEQ");
                    trueIds.add((long) b.whenTrue());
                    falseIds.add((long) b.whenFalse());
                    missingTrue.add(b.missingGoesTrue() ? 1L : 0L);
                } else {
                    Leaf leaf = (Leaf) nodes.get(i);
                    Preconditions.checkArgument(leaf.weights().length == classLabels.length, "each leaf needs one weight per class");
                    featureIds.add(0L);
                    values.add(0f);
                    modes.add("LEAF");
                    trueIds.add(0L);
                    falseIds.add(0L);
                    missingTrue.add(0L);
                    float[] w = leaf.weights();
                    // Two classes: only the class-1 weight is written (ONNX Runtime's binary form: class 1 iff
                    // its summed score > 0.5, probabilities [1 − s, s]); with both weights written ONNX
                    // Runtime 1.29 labels a row 1 whenever class 1 has any positive score.
                    for (int k = classLabels.length == 2 ? 1 : 0; k < w.length; k++) {
                        classTree.add((long) t);
                        classNode.add((long) i);
                        classIds.add((long) k);
                        classWeights.add(w[k]);
                    }
                }
            }
        }
        List<Long> labels = new ArrayList<>();
        for (long l : classLabels) {
            labels.add(l);
        }
        ProtoWriter tree = new ProtoWriter()
                .string(1, "X").string(2, "label").string(2, "probabilities")
                .string(3, "tree_ensemble").string(4, "TreeEnsembleClassifier").string(7, "ai.onnx.ml")
                .message(5, ints("nodes_treeids", treeIds))
                .message(5, ints("nodes_nodeids", nodeIds))
                .message(5, ints("nodes_featureids", featureIds))
                .message(5, floats("nodes_values", values))
                .message(5, strings("nodes_modes", modes))
                .message(5, ints("nodes_truenodeids", trueIds))
                .message(5, ints("nodes_falsenodeids", falseIds))
                .message(5, ints("nodes_missing_value_tracks_true", missingTrue))
                .message(5, ints("class_treeids", classTree))
                .message(5, ints("class_nodeids", classNode))
                .message(5, ints("class_ids", classIds))
                .message(5, floats("class_weights", classWeights))
                .message(5, ints("classlabels_int64s", labels))
                .message(5, new ProtoWriter().string(1, "post_transform").varint(20, 3).string(4, "NONE"));
        ProtoWriter graph = new ProtoWriter().message(1, tree).string(2, "rai4j_tree_ensemble");
        graph.message(11, valueInfo("X", tensorType(1, new Object[] {"N", (long) features})));
        graph.message(12, valueInfo("label", tensorType(7, new Object[] {"N"})));
        if (zipMap) {
            graph.message(1, new ProtoWriter().string(1, "probabilities").string(2, "output_probability")
                    .string(3, "zipmap").string(4, "ZipMap").string(7, "ai.onnx.ml")
                    .message(5, ints("classlabels_int64s", labels)));
            ProtoWriter mapType = new ProtoWriter().varint(1, 7).message(2, tensorType(1, null));
            ProtoWriter seqType = new ProtoWriter().message(1, new ProtoWriter().message(5, mapType));
            graph.message(12, valueInfo("output_probability", new ProtoWriter().message(4, seqType)));
        } else {
            graph.message(12, valueInfo("probabilities", tensorType(1, new Object[] {"N", (long) classLabels.length})));
        }
        return new ProtoWriter()
                .varint(1, 8)
                .string(2, "rai4j")
                .message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, 17))
                .message(8, new ProtoWriter().string(1, "ai.onnx.ml").varint(2, 3))
                .toByteArray();
    }

    private static ProtoWriter ints(String name, List<Long> values) {
        ProtoWriter a = new ProtoWriter().string(1, name).varint(20, 7);
        for (long v : values) {
            a.varint(8, v);
        }
        return a;
    }

    private static ProtoWriter floats(String name, List<Float> values) {
        ProtoWriter a = new ProtoWriter().string(1, name).varint(20, 6);
        for (float v : values) {
            a.float32(7, v);
        }
        return a;
    }

    private static ProtoWriter strings(String name, List<String> values) {
        ProtoWriter a = new ProtoWriter().string(1, name).varint(20, 8);
        for (String v : values) {
            a.string(9, v);
        }
        return a;
    }

    /** A TypeProto for a tensor; {@code dims} entries are String (symbolic) or Long (fixed); null = no shape. */
    private static ProtoWriter tensorType(int elemType, Object[] dims) {
        ProtoWriter tensor = new ProtoWriter().varint(1, elemType);
        if (dims != null) {
            ProtoWriter shape = new ProtoWriter();
            for (Object d : dims) {
                shape.message(1, d instanceof String s ? new ProtoWriter().string(2, s) : new ProtoWriter().varint(1, (Long) d));
            }
            tensor.message(2, shape);
        }
        return new ProtoWriter().message(1, tensor);
    }

    private static ProtoWriter valueInfo(String name, ProtoWriter type) {
        return new ProtoWriter().string(1, name).message(2, type);
    }
}
