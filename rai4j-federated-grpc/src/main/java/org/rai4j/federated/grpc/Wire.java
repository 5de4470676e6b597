package org.rai4j.federated.grpc;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The messages of {@code rai4j_fl_v1.proto} (src/main/proto) as records, with their proto3 encoding written
 * and read by protobuf-java's {@link CodedOutputStream}/{@link CodedInputStream} (no generated code).
 * Decoding skips unknown fields, so a newer peer may add fields without breaking this one. Arrays are
 * shared, not copied: these records are transport plumbing, built and consumed in one place.
 */
public final class Wire {
    /** The protocol version this build speaks. */
    public static final int PROTOCOL_VERSION = 1;
    /** Doubles per chunk: 1 MiB of payload, well below gRPC's 4 MiB default message size. */
    public static final int CHUNK_DOUBLES = 1 << 17;

    private Wire() {}

    /** {@code JoinRequest}. */
    public record JoinRequest(int version, int clientId, long examples) {}

    /** {@code JoinReply}. */
    public record JoinReply(int version, String runId, int features, int classes, int[] hidden, int clients, int rounds, int embeddingDim) {}

    /** {@code TaskRequest}. */
    public record TaskRequest(int version, int clientId, String runId) {}

    /** {@code TaskStatus}. */
    public enum TaskStatus { UNSPECIFIED, TASK, WAIT, DONE }

    /** {@code TaskChunk}: the instructions (meaningful in the first chunk) and a slice of the global parameters. */
    public record TaskChunk(int version, TaskStatus status, int round, String taskId, int epochs, int batchSize,
                            double learningRate, double proximalMu, long seed, boolean evaluateFirst, int parameterCount,
                            int offset, double[] parameters) {
        static TaskChunk status(TaskStatus s) {
            return new TaskChunk(PROTOCOL_VERSION, s, 0, "", 0, 0, 0, 0, 0, false, 0, 0, new double[0]);
        }
    }

    /** {@code UpdateChunk}: the update's metadata (meaningful in the first chunk) and a slice of Δ. */
    public record UpdateChunk(int version, int clientId, int round, String taskId, long examples, double meanLoss, int epochs,
                              double lossBefore, int parameterCount, int offset, double[] delta) {}

    /** {@code PushReply}. */
    public record PushReply(boolean accepted, String message) {}

    // ---------------------------------------------------------------- encoding

    static byte[] encode(JoinRequest m) {
        return write(out -> {
            out.writeUInt32(1, m.version());
            out.writeUInt32(2, m.clientId());
            out.writeUInt64(3, m.examples());
        });
    }

    static byte[] encode(JoinReply m) {
        return write(out -> {
            out.writeUInt32(1, m.version());
            out.writeString(2, m.runId());
            out.writeUInt32(3, m.features());
            out.writeUInt32(4, m.classes());
            if (m.hidden().length > 0) {
                out.writeTag(5, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                int size = 0;
                for (int h : m.hidden()) {
                    size += CodedOutputStream.computeUInt32SizeNoTag(h);
                }
                out.writeUInt32NoTag(size);
                for (int h : m.hidden()) {
                    out.writeUInt32NoTag(h);
                }
            }
            out.writeUInt32(6, m.clients());
            out.writeUInt32(7, m.rounds());
            if (m.embeddingDim() > 0) {
                out.writeUInt32(8, m.embeddingDim());
            }
        });
    }

    static byte[] encode(TaskRequest m) {
        return write(out -> {
            out.writeUInt32(1, m.version());
            out.writeUInt32(2, m.clientId());
            out.writeString(3, m.runId());
        });
    }

    static byte[] encode(TaskChunk m) {
        return write(out -> {
            out.writeUInt32(1, m.version());
            out.writeEnum(2, m.status().ordinal());
            out.writeUInt32(3, m.round());
            out.writeString(4, m.taskId());
            out.writeUInt32(5, m.epochs());
            out.writeUInt32(6, m.batchSize());
            out.writeDouble(7, m.learningRate());
            out.writeDouble(8, m.proximalMu());
            out.writeFixed64(9, m.seed());
            out.writeBool(10, m.evaluateFirst());
            out.writeUInt32(11, m.parameterCount());
            out.writeUInt32(12, m.offset());
            writePacked(out, 13, m.parameters());
        });
    }

    static byte[] encode(UpdateChunk m) {
        return write(out -> {
            out.writeUInt32(1, m.version());
            out.writeUInt32(2, m.clientId());
            out.writeUInt32(3, m.round());
            out.writeString(4, m.taskId());
            out.writeUInt64(5, m.examples());
            out.writeDouble(6, m.meanLoss());
            out.writeUInt32(7, m.epochs());
            out.writeDouble(8, m.lossBefore());
            out.writeUInt32(9, m.parameterCount());
            out.writeUInt32(10, m.offset());
            writePacked(out, 11, m.delta());
        });
    }

    static byte[] encode(PushReply m) {
        return write(out -> {
            out.writeBool(1, m.accepted());
            out.writeString(2, m.message());
        });
    }

    // ---------------------------------------------------------------- decoding

    static JoinRequest decodeJoinRequest(CodedInputStream in) throws IOException {
        int version = 0;
        int client = 0;
        long examples = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> version = in.readUInt32();
                case 2 -> client = in.readUInt32();
                case 3 -> examples = in.readUInt64();
                default -> in.skipField(tag);
            }
        }
        return new JoinRequest(version, client, examples);
    }

    static JoinReply decodeJoinReply(CodedInputStream in) throws IOException {
        int version = 0;
        String run = "";
        int features = 0;
        int classes = 0;
        int[] hidden = new int[0];
        int clients = 0;
        int rounds = 0;
        int embeddingDim = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> version = in.readUInt32();
                case 2 -> run = in.readString();
                case 3 -> features = in.readUInt32();
                case 4 -> classes = in.readUInt32();
                case 5 -> {
                    if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int limit = in.pushLimit(in.readRawVarint32());
                        while (!in.isAtEnd()) {
                            hidden = append(hidden, in.readUInt32());
                        }
                        in.popLimit(limit);
                    } else {
                        hidden = append(hidden, in.readUInt32());
                    }
                }
                case 6 -> clients = in.readUInt32();
                case 7 -> rounds = in.readUInt32();
                case 8 -> embeddingDim = in.readUInt32();
                default -> in.skipField(tag);
            }
        }
        return new JoinReply(version, run, features, classes, hidden, clients, rounds, embeddingDim);
    }

    static TaskRequest decodeTaskRequest(CodedInputStream in) throws IOException {
        int version = 0;
        int client = 0;
        String run = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> version = in.readUInt32();
                case 2 -> client = in.readUInt32();
                case 3 -> run = in.readString();
                default -> in.skipField(tag);
            }
        }
        return new TaskRequest(version, client, run);
    }

    static TaskChunk decodeTaskChunk(CodedInputStream in) throws IOException {
        int version = 0;
        int status = 0;
        int round = 0;
        String task = "";
        int epochs = 0;
        int batch = 0;
        double lr = 0;
        double mu = 0;
        long seed = 0;
        boolean evaluate = false;
        int count = 0;
        int offset = 0;
        double[] params = new double[0];
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> version = in.readUInt32();
                case 2 -> status = in.readEnum();
                case 3 -> round = in.readUInt32();
                case 4 -> task = in.readString();
                case 5 -> epochs = in.readUInt32();
                case 6 -> batch = in.readUInt32();
                case 7 -> lr = in.readDouble();
                case 8 -> mu = in.readDouble();
                case 9 -> seed = in.readFixed64();
                case 10 -> evaluate = in.readBool();
                case 11 -> count = in.readUInt32();
                case 12 -> offset = in.readUInt32();
                case 13 -> params = readDoubles(in, tag, params);
                default -> in.skipField(tag);
            }
        }
        TaskStatus s = status >= 0 && status < TaskStatus.values().length ? TaskStatus.values()[status] : TaskStatus.UNSPECIFIED;
        return new TaskChunk(version, s, round, task, epochs, batch, lr, mu, seed, evaluate, count, offset, params);
    }

    static UpdateChunk decodeUpdateChunk(CodedInputStream in) throws IOException {
        int version = 0;
        int client = 0;
        int round = 0;
        String task = "";
        long examples = 0;
        double loss = 0;
        int epochs = 0;
        double before = 0;
        int count = 0;
        int offset = 0;
        double[] delta = new double[0];
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> version = in.readUInt32();
                case 2 -> client = in.readUInt32();
                case 3 -> round = in.readUInt32();
                case 4 -> task = in.readString();
                case 5 -> examples = in.readUInt64();
                case 6 -> loss = in.readDouble();
                case 7 -> epochs = in.readUInt32();
                case 8 -> before = in.readDouble();
                case 9 -> count = in.readUInt32();
                case 10 -> offset = in.readUInt32();
                case 11 -> delta = readDoubles(in, tag, delta);
                default -> in.skipField(tag);
            }
        }
        return new UpdateChunk(version, client, round, task, examples, loss, epochs, before, count, offset, delta);
    }

    static PushReply decodePushReply(CodedInputStream in) throws IOException {
        boolean accepted = false;
        String message = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> accepted = in.readBool();
                case 2 -> message = in.readString();
                default -> in.skipField(tag);
            }
        }
        return new PushReply(accepted, message);
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    interface Writer {
        void write(CodedOutputStream out) throws IOException;
    }

    @FunctionalInterface
    interface Reader<T> {
        T read(CodedInputStream in) throws IOException;
    }

    @FunctionalInterface
    interface Encoder<T> {
        byte[] encode(T message);
    }

    private static byte[] write(Writer w) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            w.write(out);
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static void writePacked(CodedOutputStream out, int field, double[] values) throws IOException {
        if (values.length == 0) {
            return;
        }
        out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(8 * values.length);
        for (double v : values) {
            out.writeDoubleNoTag(v);
        }
    }

    private static double[] readDoubles(CodedInputStream in, int tag, double[] sofar) throws IOException {
        if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int bytes = in.readRawVarint32();
            if (bytes % 8 != 0) {
                throw new IOException("packed doubles of " + bytes + " bytes (not a multiple of 8)");
            }
            int limit = in.pushLimit(bytes);
            double[] out = Arrays.copyOf(sofar, sofar.length + bytes / 8);
            for (int i = sofar.length; i < out.length; i++) {
                out[i] = in.readDouble();
            }
            in.popLimit(limit);
            return out;
        }
        double[] out = Arrays.copyOf(sofar, sofar.length + 1);
        out[sofar.length] = in.readDouble();
        return out;
    }

    private static int[] append(int[] a, int v) {
        int[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    /** A gRPC marshaller for one message type. */
    static <T> MethodDescriptor.Marshaller<T> marshaller(Encoder<T> encoder, Reader<T> reader) {
        return new MethodDescriptor.Marshaller<>() {
            @Override
            public InputStream stream(T value) {
                return new ByteArrayInputStream(encoder.encode(value));
            }

            @Override
            public T parse(InputStream stream) {
                try {
                    CodedInputStream in = CodedInputStream.newInstance(stream);
                    in.setSizeLimit(Integer.MAX_VALUE);
                    return reader.read(in);
                } catch (IOException e) {
                    throw Status.INTERNAL.withDescription("malformed rai4j.fl.v1 message: " + e.getMessage()).withCause(e)
                            .asRuntimeException();
                }
            }
        };
    }
}
