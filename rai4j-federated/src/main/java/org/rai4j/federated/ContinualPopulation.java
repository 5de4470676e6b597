package org.rai4j.federated;

import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;
import org.rai4j.learn.Examples;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Continual data: each client's training rows (in a base population) arrive over {@code periods} equal
 * time periods, in order — chunk t of client k is rows [t·n_k/T, (t+1)·n_k/T) — and the device keeps at most
 * {@code storageCap} examples, deleting by {@link Deletion#FIFO} (keeps the newest) or
 * {@link Deletion#RESERVOIR} (a uniform sample of everything seen, Vitter's Algorithm R, seeded per client).
 * Training continues from period to period (the engine maps rounds to periods evenly); selection sees the
 * current n_k(t). The "all data at once" baseline is the base population itself. Thread-safe.
 */
public final class ContinualPopulation implements ClientPopulation {
    /** What a device deletes when its storage is full. */
    public enum Deletion {
        /** Oldest first: the device keeps its newest {@code cap} examples. */
        FIFO,
        /** Reservoir sampling: the device keeps a uniform sample of size {@code cap} of everything it has seen. */
        RESERVOIR
    }

    private final FederatedData base;
    private final int periods;
    private final int cap;
    private final Deletion deletion;
    private final long seed;
    private final ConcurrentHashMap<Integer, Examples> trainByPeriod = new ConcurrentHashMap<>();

    /**
     * @param base       the clients and their full arrival streams (train rows in time order), and test data
     * @param periods    T ≥ 1
     * @param storageCap examples a device keeps ≥ 1
     * @param deletion   deletion policy
     * @param seed       seed of the reservoir samples
     */
    public ContinualPopulation(FederatedData base, int periods, int storageCap, Deletion deletion, long seed) {
        this.base = Preconditions.checkNotNull(base, "base");
        this.periods = Preconditions.checkAtLeast(periods, 1, "periods");
        this.cap = Preconditions.checkAtLeast(storageCap, 1, "storage cap");
        this.deletion = Preconditions.checkNotNull(deletion, "deletion");
        this.seed = seed;
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public int features() {
        return base.features();
    }

    @Override
    public int classes() {
        return base.classes();
    }

    @Override
    public int periods() {
        return periods;
    }

    private int arrived(int id, int period) {
        int n = base.clients().get(id).train().size();
        return (int) ((long) (period + 1) * n / periods);
    }

    @Override
    public int trainCount(int id, int period) {
        return Math.min(cap, arrived(id, period));
    }

    /** The rows of client {@code id}'s stream it holds at {@code period}, ascending. */
    int[] stored(int id, int period) {
        int arrived = arrived(id, period);
        if (arrived <= cap) {
            int[] all = new int[arrived];
            for (int i = 0; i < arrived; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] keep = new int[cap];
        if (deletion == Deletion.FIFO) {
            for (int i = 0; i < cap; i++) {
                keep[i] = arrived - cap + i;
            }
            return keep;
        }
        // Algorithm R over the stream 0 … arrived−1; the same client stream gives nested reservoirs over time
        SplittableRandom rng = Seeds.stream(Seeds.derive(seed, 77), id);
        for (int i = 0; i < cap; i++) {
            keep[i] = i;
        }
        for (int i = cap; i < arrived; i++) {
            int j = rng.nextInt(i + 1);
            if (j < cap) {
                keep[j] = i;
            }
        }
        Arrays.sort(keep);
        return keep;
    }

    @Override
    public ClientData load(int id, int period) {
        ClientData c = base.clients().get(id);
        return new ClientData(id, c.train().select(stored(id, period)), c.test());
    }

    @Override
    public Examples evaluationTest() {
        return base.evaluationTest();
    }

    @Override
    public Examples evaluationTrain(int period) {
        return trainByPeriod.computeIfAbsent(period, p -> {
            java.util.List<ClientData> now = new java.util.ArrayList<>();
            for (int k = 0; k < size(); k++) {
                now.add(load(k, p));
            }
            return new FederatedData(now).evaluationTrain(p);
        });
    }
}
