package org.rai4j.privacy.audit;

import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * K reference ("shadow") models for LiRA: each pool example is in the training data of exactly ⌊K/2⌋ of
 * them, chosen at random from the run's seed (so each model trains on about half the pool), and every model is
 * scored on the whole pool. Models train in parallel
 * on at most {@code concurrency} threads, so at most that many models (and their training copies) are alive at
 * once; only the K × n scaled logits are kept — memory is bounded by concurrency × one model plus 8·K·n bytes.
 * The result does not depend on the concurrency.
 */
public final class ReferenceModels {
    private ReferenceModels() {}

    /** Trains one reference model on some pool rows and returns its scaled logits on every pool row. */
    @FunctionalInterface
    public interface Trainer {
        /**
         * @param trainRows pool rows to train on (sorted)
         * @param seed      the model's own seed (initial weights, batches)
         * @return φ for every pool row
         */
        double[] trainAndScore(int[] trainRows, long seed);
    }

    /**
     * The reference statistics: φ of model k on example i, and whether model k trained on it.
     */
    public static final class Statistics {
        private final double[][] phi;
        private final boolean[][] in;

        /** Copies nothing: the arrays are owned by the new object. */
        private Statistics(double[][] phi, boolean[][] in) {
            this.phi = phi;
            this.in = in;
        }

        /**
         * Statistics given directly (for tests and for models trained elsewhere).
         *
         * @param phi φ[k][i]
         * @param in  in[k][i]: whether model k trained on example i
         */
        public static Statistics of(double[][] phi, boolean[][] in) {
            Preconditions.checkArgument(phi.length == in.length && phi.length > 0, "need the same number (>= 1) of models");
            double[][] p = new double[phi.length][];
            boolean[][] m = new boolean[in.length][];
            for (int k = 0; k < phi.length; k++) {
                Preconditions.checkArgument(phi[k].length == phi[0].length && in[k].length == phi[0].length,
                        "every model needs one statistic and one flag per example");
                p[k] = phi[k].clone();
                m[k] = in[k].clone();
            }
            return new Statistics(p, m);
        }

        /** Number of reference models. */
        public int models() {
            return phi.length;
        }

        /** Number of examples. */
        public int examples() {
            return phi[0].length;
        }

        /** φ of model k on every example (a copy). */
        public double[] phi(int k) {
            return phi[k].clone();
        }

        /** Whether model k trained on each example (a copy). */
        public boolean[] in(int k) {
            return in[k].clone();
        }
    }

    /**
     * Trains and scores {@code k} reference models.
     *
     * @param k           number of models (≥ 1)
     * @param poolSize    examples in the pool (≥ 2)
     * @param seed        the run's seed
     * @param concurrency threads, and so models alive at once (≥ 1)
     * @param trainer     trains one model and scores the pool
     * @param done        told each model's index when it is finished (any thread), e.g. for progress
     */
    public static Statistics train(int k, int poolSize, long seed, int concurrency, Trainer trainer, IntConsumer done) {
        Trained<double[]> t = trainEach(k, poolSize, seed, concurrency, trainer::trainAndScore, done);
        double[][] phi = new double[k][];
        for (int m = 0; m < k; m++) {
            phi[m] = t.outputs().get(m);
            Preconditions.checkState(phi[m].length == poolSize,
                    "reference model " + m + " returned " + phi[m].length + " statistics for " + poolSize + " examples");
        }
        return new Statistics(phi, t.in);
    }

    /** Trains one reference model on some pool rows and returns what the caller keeps of it. */
    @FunctionalInterface
    public interface ModelTrainer<T> {
        /**
         * @param trainRows pool rows to train on (sorted)
         * @param seed      the model's own seed (initial weights, batches, noise)
         * @return what to keep of the model (e.g. its outputs on the pool); the model itself should be dropped
         */
        T train(int[] trainRows, long seed);
    }

    /**
     * What {@link #trainEach} kept of each model, and the memberships.
     *
     * @param outputs one output per model, in model order
     * @param in      in[k][i]: whether model k trained on pool example i
     */
    public record Trained<T>(List<T> outputs, boolean[][] in) {}

    /**
     * Trains {@code k} reference models with the memberships of {@link #train} (each example IN exactly ⌊k/2⌋ of
     * them) on at most {@code concurrency} threads and returns what {@code trainer} kept of each. The result does
     * not depend on the concurrency when the trainer is deterministic in its rows and seed.
     */
    public static <T> Trained<T> trainEach(int k, int poolSize, long seed, int concurrency, ModelTrainer<T> trainer,
                                           IntConsumer done) {
        Preconditions.checkArgument(k >= 1, "need at least one reference model, got " + k);
        Preconditions.checkArgument(poolSize >= 2, "the pool needs at least 2 examples, got " + poolSize);
        Preconditions.checkArgument(concurrency >= 1, "concurrency must be >= 1, got " + concurrency);
        boolean[][] in = memberships(k, poolSize, seed);
        int[][] rows = new int[k][];
        for (int m = 0; m < k; m++) {
            boolean[] inM = in[m];
            rows[m] = java.util.stream.IntStream.range(0, poolSize).filter(i -> inM[i]).toArray();
            Preconditions.checkState(rows[m].length > 0, "reference model " + m + " drew no training row; use a larger pool");
        }
        List<T> out = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, k));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int m = 0; m < k; m++) {
                int model = m;
                futures.add(pool.submit(() -> {
                    T s = trainer.train(rows[model], Seeds.derive(seed, 2000 + model));
                    done.accept(model);
                    return s;
                }));
            }
            for (int m = 0; m < k; m++) {
                out.add(futures.get(m).get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training reference models", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("a reference model failed: " + c, c);
        } finally {
            pool.shutdownNow();
        }
        return new Trained<>(out, in);
    }

    /**
     * in[m][i]: whether model m trains on example i. With k ≥ 2 every example is IN exactly ⌊k/2⌋ models, chosen at
     * random (as in Carlini et al.'s experiments), so every example has OUT models for offline LiRA and IN models
     * for online LiRA, and each model trains on about half the pool. With k = 1 each example is IN with
     * probability ½.
     */
    static boolean[][] memberships(int k, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, 1000));
        boolean[][] in = new boolean[k][n];
        int[] perm = new int[k];
        for (int i = 0; i < n; i++) {
            if (k == 1) {
                in[0][i] = rng.nextBoolean();
                continue;
            }
            for (int m = 0; m < k; m++) {
                perm[m] = m;
            }
            for (int j = 0; j < k / 2; j++) {
                int r = j + rng.nextInt(k - j);
                int t = perm[j];
                perm[j] = perm[r];
                perm[r] = t;
                in[perm[j]][i] = true;
            }
        }
        return in;
    }
}
