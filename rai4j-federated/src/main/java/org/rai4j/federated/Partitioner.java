package org.rai4j.federated;

import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;
import org.rai4j.learn.Examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Splits a centrally held data set into clients (the non-IID partitioners of Flower Datasets and FedNLP).
 * Every partitioner returns, per client, the row indices it owns; the partitions are disjoint and, except
 * where stated, cover every row. Seeded: the same seed gives the same partition on any JVM.
 */
public sealed interface Partitioner {
    /** Row indices per client (clients ids 0 … clients−1). */
    int[][] partition(Examples data, int clients, long seed);

    /** Uniformly shuffled rows dealt into equal parts (sizes differ by at most one). */
    record Iid() implements Partitioner {
        @Override
        public int[][] partition(Examples data, int clients, long seed) {
            int[] order = shuffled(data.size(), Seeds.stream(seed, 1));
            int[][] out = new int[clients][];
            for (int c = 0; c < clients; c++) {
                int from = (int) ((long) c * order.length / clients);
                int to = (int) ((long) (c + 1) * order.length / clients);
                out[c] = Arrays.copyOfRange(order, from, to);
            }
            return out;
        }
    }

    /**
     * Label skew (Yurochkin et al. 2019; Flower's DirichletPartitioner without self-balancing): for each class,
     * proportions p ~ Dir(α·1) over the clients, and the class's shuffled rows are cut at cumsum(p)·n_c; the
     * whole draw is repeated until every client has at least {@code minSize} rows (at most 1000 tries).
     *
     * @param alpha   concentration α &gt; 0 (small: each client sees few classes; large: IID)
     * @param minSize minimum rows per client ≥ 0
     */
    record Dirichlet(double alpha, int minSize) implements Partitioner {
        public Dirichlet {
            Preconditions.checkPositive(alpha, "alpha");
            Preconditions.checkAtLeast(minSize, 0, "min size");
        }

        @Override
        public int[][] partition(Examples data, int clients, long seed) {
            SplittableRandom rng = Seeds.stream(seed, 2);
            for (int attempt = 0; attempt < 1000; attempt++) {
                List<List<Integer>> parts = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    parts.add(new ArrayList<>());
                }
                for (int[] rows : byClass(data)) {
                    int[] idx = rows.clone();
                    shuffle(idx, rng);
                    double[] p = dirichlet(alpha, clients, rng);
                    double acc = 0;
                    int from = 0;
                    for (int c = 0; c < clients; c++) {
                        acc += p[c];
                        int to = c == clients - 1 ? idx.length : (int) (acc * idx.length);
                        to = Math.max(from, Math.min(idx.length, to));
                        for (int i = from; i < to; i++) {
                            parts.get(c).add(idx[i]);
                        }
                        from = to;
                    }
                }
                boolean ok = parts.stream().allMatch(l -> l.size() >= minSize);
                if (ok) {
                    return toArrays(parts);
                }
            }
            throw new IllegalArgumentException("could not give every one of " + clients + " clients at least " + minSize
                    + " rows in 1000 Dirichlet draws with alpha " + alpha + "; lower min size or raise alpha");
        }
    }

    /**
     * Quantity skew (FedNLP {@code niid_quantity}): client sizes p ~ Dir(β·1) over the shuffled rows; labels stay IID.
     *
     * @param beta concentration β &gt; 0 (small: very unequal sizes)
     */
    record QuantitySkew(double beta) implements Partitioner {
        public QuantitySkew {
            Preconditions.checkPositive(beta, "beta");
        }

        @Override
        public int[][] partition(Examples data, int clients, long seed) {
            SplittableRandom rng = Seeds.stream(seed, 3);
            int[] order = shuffled(data.size(), rng);
            double[] p = dirichlet(beta, clients, rng);
            int[][] out = new int[clients][];
            double acc = 0;
            int from = 0;
            for (int c = 0; c < clients; c++) {
                acc += p[c];
                int to = c == clients - 1 ? order.length : Math.max(from, Math.min(order.length, (int) (acc * order.length)));
                out[c] = Arrays.copyOfRange(order, from, to);
                from = to;
            }
            return out;
        }
    }

    /**
     * Pathological shards (McMahan et al. 2017): rows sorted by label, cut into clients × shardsPerClient
     * equal shards, each client gets shardsPerClient random shards. Rows beyond the last full shard are dropped.
     *
     * @param shardsPerClient shards per client ≥ 1
     */
    record Shards(int shardsPerClient) implements Partitioner {
        public Shards {
            Preconditions.checkAtLeast(shardsPerClient, 1, "shards per client");
        }

        @Override
        public int[][] partition(Examples data, int clients, long seed) {
            SplittableRandom rng = Seeds.stream(seed, 4);
            int[] order = shuffled(data.size(), rng);
            Integer[] boxed = Arrays.stream(order).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, (a, b) -> Integer.compare(data.label(a), data.label(b)));
            int shards = clients * shardsPerClient;
            int size = data.size() / shards;
            Preconditions.checkArgument(size >= 1, "need at least " + shards + " rows for " + shards + " shards, got " + data.size());
            int[] shardOrder = shuffled(shards, rng);
            int[][] out = new int[clients][shardsPerClient * size];
            for (int c = 0; c < clients; c++) {
                for (int s = 0; s < shardsPerClient; s++) {
                    int shard = shardOrder[c * shardsPerClient + s];
                    for (int i = 0; i < size; i++) {
                        out[c][s * size + i] = boxed[shard * size + i];
                    }
                }
            }
            return out;
        }
    }

    /**
     * Natural partition: one client per distinct value of a key (e.g. a user or device id column), in order of
     * first appearance of the key; {@code clients} must equal the number of distinct keys.
     *
     * @param keys the key of every row
     */
    record Natural(int[] keys) implements Partitioner {
        public Natural {
            keys = keys.clone();
        }

        @Override
        public int[][] partition(Examples data, int clients, long seed) {
            Preconditions.checkArgument(keys.length == data.size(), "need one key per row: " + keys.length + " keys for " + data.size() + " rows");
            java.util.LinkedHashMap<Integer, List<Integer>> groups = new java.util.LinkedHashMap<>();
            for (int i = 0; i < keys.length; i++) {
                groups.computeIfAbsent(keys[i], k -> new ArrayList<>()).add(i);
            }
            Preconditions.checkArgument(groups.size() == clients, "the key column has " + groups.size() + " distinct values; asked for " + clients + " clients");
            return toArrays(new ArrayList<>(groups.values()));
        }

        @Override
        public int[] keys() {
            return keys.clone();
        }
    }

    /** Builds a population from a partition of {@code data}: each client's rows split 90 % / 10 % into train and test. */
    static FederatedData apply(Examples data, int[][] parts, long seed) {
        List<ClientData> clients = new ArrayList<>();
        for (int c = 0; c < parts.length; c++) {
            int[] rows = parts[c].clone();
            shuffle(rows, Seeds.stream(seed, 1000 + c));
            int trainLen = (int) (0.9 * rows.length);
            clients.add(new ClientData(c, data.select(Arrays.copyOf(rows, trainLen)), data.select(Arrays.copyOfRange(rows, trainLen, rows.length))));
        }
        return new FederatedData(clients);
    }

    /** The population obtained by partitioning {@code data} with this partitioner. */
    default FederatedData population(Examples data, int clients, long seed) {
        Preconditions.checkAtLeast(clients, 1, "clients");
        return apply(data, partition(data, clients, seed), seed);
    }

    private static int[][] byClass(Examples data) {
        int[] counts = new int[data.classes()];
        for (int i = 0; i < data.size(); i++) {
            counts[data.label(i)]++;
        }
        int[][] out = new int[data.classes()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = new int[counts[c]];
        }
        int[] at = new int[data.classes()];
        for (int i = 0; i < data.size(); i++) {
            int c = data.label(i);
            out[c][at[c]++] = i;
        }
        return out;
    }

    private static int[][] toArrays(List<List<Integer>> parts) {
        int[][] out = new int[parts.size()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = parts.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    static int[] shuffled(int n, SplittableRandom rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        shuffle(a, rng);
        return a;
    }

    static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Dir(α·1) over k components: normalised Gamma(α, 1) draws (Marsaglia–Tsang, with the α &lt; 1 boost). */
    static double[] dirichlet(double alpha, int k, SplittableRandom rng) {
        double[] g = new double[k];
        double s = 0;
        for (int i = 0; i < k; i++) {
            g[i] = gamma(alpha, rng);
            s += g[i];
        }
        if (s == 0) {
            g[rng.nextInt(k)] = 1;
            return g;
        }
        for (int i = 0; i < k; i++) {
            g[i] /= s;
        }
        return g;
    }

    static double gamma(double a, SplittableRandom rng) {
        if (a < 1) {
            double u = rng.nextDouble();
            return gamma(a + 1, rng) * Math.pow(u, 1 / a);
        }
        double d = a - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
