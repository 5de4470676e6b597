package org.rai4j.privacy.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Independent N(0, 1) draws, produced in chunks ahead of their use. Chunk c holds {@link #sizeOf(long)
 * sizeOf(c)} draws made by the {@link Ziggurat} from its own AES-256-CTR keystream: key
 * HMAC-SHA256(master, c / 8192) (a fresh key for every 8,192 chunks, about 1 GiB of keystream), initial
 * counter block (c, 0). A chunk's draws are therefore a function of (master, c) alone — the same whoever
 * computes them and whenever — and the draws handed out are chunk 0, 1, 2, … in order, so a seeded
 * instance is reproducible and timing decides nothing about the values:
 * <ul>
 *   <li>consumers take draws from the current chunk with plain array arithmetic ({@link #addScaled} is a
 *       scaled vector addition), so many short requests (an embedding row of 64 values) cost no more per
 *       draw than one long one;</li>
 *   <li>with a prefetching executor (the common fork-join pool on a machine with two or more cores), once
 *       the consumer uses full-size chunks a background task computes up to {@value #AHEAD} chunks of
 *       {@value #BLOCK} draws ahead, on another core, while the caller computes gradients. The consumer
 *       never waits for it: when the chunk it needs is not ready it computes that chunk itself (same
 *       values), and ready chunks it has passed are discarded unseen. Which chunks the producer finishes in
 *       time may depend on their content (the ziggurat's slow path takes longer), but that only decides who
 *       computed a chunk, never which values are used.</li>
 * </ul>
 * Chunk sizes grow from 64 draws (a caller that needs a handful pays for a handful) to {@value #BLOCK}.
 * One consumer thread per instance; chunks pass from the producer to the consumer through a concurrent
 * queue (safe publication) and back through another, so no array is ever shared while being written.
 */
public final class GaussianBlocks {
    /** Draws in a full-size chunk. */
    public static final int BLOCK = 1 << 14;
    /** Chunks a prefetching instance computes ahead at most (4 MiB). */
    public static final int AHEAD = 32;
    /** Number of small chunks before the first full-size one (64, 128, …, 8192 draws). */
    private static final int RAMP = 8;
    /** Chunks per key. */
    private static final int CHUNKS_PER_KEY_LOG2 = 13;

    private final byte[] master;
    private final Executor executor; // null: compute on demand only
    private final ArrayBlockingQueue<Chunk> ready = new ArrayBlockingQueue<>(AHEAD);
    private final ConcurrentLinkedQueue<double[]> spare = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean producing = new AtomicBoolean();
    private final Maker producerMaker;
    /** The chunk the consumer is using (−1 before the first). */
    private volatile long consuming = -1;
    /** The producer's next chunk (producer tasks run one at a time, ordered by {@link #producing}). */
    private volatile long produceNext;

    // consumer state
    private final Maker consumerMaker;
    private double[] current = new double[0];
    private int pos;
    private int limit;

    private record Chunk(long index, double[] draws) {}

    private GaussianBlocks(byte[] master, Executor executor) {
        this.master = master.clone();
        this.executor = executor;
        this.consumerMaker = new Maker(this.master);
        this.producerMaker = executor == null ? null : new Maker(this.master);
    }

    /**
     * Draws from a master secret.
     *
     * @param master   32 bytes: from {@link SecureRandom} to protect data, or derived from a seed for simulations
     * @param prefetch draw ahead in the common fork-join pool (only when the machine has two or more cores)
     */
    public static GaussianBlocks of(byte[] master, boolean prefetch) {
        if (master.length != 32) {
            throw new IllegalArgumentException("the master secret must have 32 bytes, got " + master.length);
        }
        boolean spareCore = Runtime.getRuntime().availableProcessors() > 1 && ForkJoinPool.getCommonPoolParallelism() > 0;
        return new GaussianBlocks(master, prefetch && spareCore ? ForkJoinPool.commonPool() : null);
    }

    /** Whether this instance computes chunks ahead on another thread. */
    public boolean prefetches() {
        return executor != null;
    }

    /** The number of draws in chunk {@code c}. */
    public static int sizeOf(long c) {
        return c >= RAMP ? BLOCK : 64 << c;
    }

    /** The next draw. */
    public double next() {
        if (pos == limit) {
            nextChunk();
        }
        return current[pos++];
    }

    /** Adds {@code scale}·z to each of {@code target[from..to)}, with z the next draws in order. */
    public void addScaled(double[] target, int from, int to, double scale) {
        while (from < to) {
            if (pos == limit) {
                nextChunk();
            }
            int n = Math.min(limit - pos, to - from);
            addScaled(current, pos, target, from, n, scale);
            pos += n;
            from += n;
        }
    }

    private static void addScaled(double[] z, int zFrom, double[] target, int tFrom, int n, double scale) {
        for (int j = 0; j < n; j++) {
            target[tFrom + j] += scale * z[zFrom + j];
        }
    }

    /** Draws chunk {@code c} into {@code out} (which has room for {@link #sizeOf} draws) with {@code maker}. */
    private static void make(Maker maker, long c, double[] out) {
        maker.position(c);
        Ziggurat.fill(maker.stream, out, 0, sizeOf(c));
    }

    private void nextChunk() {
        long c = consuming + 1;
        double[] previous = current;
        double[] draws = null;
        Chunk head;
        while ((head = ready.peek()) != null && head.index() <= c) {
            ready.poll();
            if (head.index() == c) {
                draws = head.draws();
            } else {
                recycle(head.draws()); // a chunk the consumer computed itself meanwhile
            }
        }
        consuming = c;
        if (draws == null) {
            draws = takeArray();
            make(consumerMaker, c, draws);
        }
        recycle(previous);
        current = draws;
        limit = sizeOf(c);
        pos = 0;
        if (executor != null && c >= RAMP) {
            startProducer();
        }
    }

    private void recycle(double[] a) {
        if (a.length == BLOCK) {
            spare.offer(a);
        }
    }

    private double[] takeArray() {
        double[] a = spare.poll();
        return a != null ? a : new double[BLOCK];
    }

    private void startProducer() {
        if (ready.remainingCapacity() > 0 && producing.compareAndSet(false, true)) {
            try {
                executor.execute(this::produce);
            } catch (RuntimeException e) { // rejected: the consumer computes on demand
                producing.set(false);
            }
        }
    }

    private void produce() {
        try {
            while (ready.remainingCapacity() > 0) { // only this task offers, so an offer cannot fail
                long c = Math.max(produceNext, consuming + 1);
                if (c - consuming > AHEAD) {
                    break;
                }
                double[] a = takeArray();
                make(producerMaker, c, a);
                produceNext = c + 1;
                if (c <= consuming) {
                    recycle(a); // the consumer got there first
                } else {
                    ready.offer(new Chunk(c, a));
                }
            }
        } finally {
            producing.set(false);
        }
    }

    /** One thread's AES-CTR keystream and key derivation. */
    private static final class Maker {
        private final Mac hmac;
        private final byte[] iv = new byte[16];
        private long epoch = -1;
        private byte[] key;
        private AesCtrKeystream stream;

        Maker(byte[] master) {
            try {
                hmac = Mac.getInstance("HmacSHA256");
                hmac.init(new SecretKeySpec(master, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
            }
        }

        /** Positions the stream at the start of chunk c. */
        void position(long c) {
            long e = c >>> CHUNKS_PER_KEY_LOG2;
            if (e != epoch) {
                key = hmac.doFinal(ByteBuffer.allocate(8).putLong(e).array());
                epoch = e;
            }
            ByteBuffer.wrap(iv).putLong(c).putLong(0L);
            if (stream == null) {
                stream = AesCtrKeystream.keyed(key, iv);
            } else {
                stream.restart(key, iv);
            }
        }
    }
}
