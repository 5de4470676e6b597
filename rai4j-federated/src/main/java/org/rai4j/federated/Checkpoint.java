package org.rai4j.federated;

import org.rai4j.core.Preconditions;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's state after a completed round — everything a restarted server needs to continue and reach
 * the same result as an uninterrupted run (all other randomness is derived from the seed and the round):
 * the global parameters, the server optimizer's state, the realised and intended inclusion counts, the
 * rounds so far and the warnings. Written atomically (temporary file, then rename) after every round;
 * {@code fingerprint} identifies the configuration so a checkpoint of another run is refused. Immutable
 * apart from the arrays it holds (package plumbing).
 */
record Checkpoint(String fingerprint, int round, double[] parameters, ServerOptimizer.State optimizer, long[] selections,
                  double[] intended, List<RoundResult> rounds, List<String> warnings) {
    private static final int MAGIC = 0x52464c43; // "RFLC"
    private static final int VERSION = 1;

    void write(Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(fingerprint);
            out.writeInt(round);
            writeDoubles(out, parameters);
            out.writeInt(optimizer.steps());
            writeDoubles(out, optimizer.m());
            writeDoubles(out, optimizer.v());
            out.writeInt(selections.length);
            for (long s : selections) {
                out.writeLong(s);
            }
            writeDoubles(out, intended);
            out.writeInt(rounds.size());
            for (RoundResult r : rounds) {
                out.writeInt(r.round());
                out.writeDouble(r.testAccuracy());
                out.writeDouble(r.trainLoss());
                out.writeInt(r.selected());
                out.writeInt(r.aggregated());
                out.writeDouble(r.virtualSeconds());
            }
            out.writeInt(warnings.size());
            for (String w : warnings) {
                out.writeUTF(w);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.write(tmp, bytes.toByteArray());
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** The checkpoint in {@code file}, or null when there is none. */
    static Checkpoint read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            Preconditions.checkArgument(data.readInt() == MAGIC, file + " is not a rai4j federated checkpoint");
            int version = data.readInt();
            Preconditions.checkArgument(version == VERSION, file + ": checkpoint version " + version + ", this build reads " + VERSION);
            String fingerprint = data.readUTF();
            int round = data.readInt();
            double[] params = readDoubles(data);
            int steps = data.readInt();
            ServerOptimizer.State opt = new ServerOptimizer.State(steps, readDoubles(data), readDoubles(data));
            long[] sel = new long[data.readInt()];
            for (int i = 0; i < sel.length; i++) {
                sel[i] = data.readLong();
            }
            double[] intended = readDoubles(data);
            int nr = data.readInt();
            List<RoundResult> rounds = new ArrayList<>(nr);
            for (int i = 0; i < nr; i++) {
                rounds.add(new RoundResult(data.readInt(), data.readDouble(), data.readDouble(), data.readInt(), data.readInt(),
                        data.readDouble()));
            }
            int nw = data.readInt();
            List<String> warnings = new ArrayList<>(nw);
            for (int i = 0; i < nw; i++) {
                warnings.add(data.readUTF());
            }
            return new Checkpoint(fingerprint, round, params, opt, sel, intended, rounds, warnings);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the checkpoint " + file + " (" + e.getMessage()
                    + "); delete it to start the run from round 1", e);
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double d : a) {
            out.writeLong(Double.doubleToRawLongBits(d));
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        int n = in.readInt();
        Preconditions.checkArgument(n >= 0 && n < (1 << 28), "corrupt checkpoint: array length " + n);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Double.longBitsToDouble(in.readLong());
        }
        return a;
    }
}
