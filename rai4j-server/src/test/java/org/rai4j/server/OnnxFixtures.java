package org.rai4j.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-encoded ONNX protobufs for attacker tests (a tiny protobuf writer: varints and length-delimited fields). */
final class OnnxFixtures {
    private OnnxFixtures() {}

    private static final class Pb {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pb varint(int field, long v) {
            raw((long) field << 3);
            raw(v);
            return this;
        }

        Pb bytes(int field, byte[] b) {
            raw(((long) field << 3) | 2);
            raw(b.length);
            out.writeBytes(b);
            return this;
        }

        Pb string(int field, String s) {
            return bytes(field, s.getBytes(StandardCharsets.UTF_8));
        }

        Pb message(int field, Pb m) {
            return bytes(field, m.out.toByteArray());
        }

        private void raw(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }

    /** An Identity model whose node uses the custom operator domain {@code com.evil} (as a custom-op attack would). */
    static byte[] customDomainModel() {
        Pb node = new Pb().string(1, "X").string(2, "Y").string(4, "Identity").string(7, "com.evil");
        Pb type = new Pb().message(1, new Pb().varint(1, 1)
                .message(2, new Pb().message(1, new Pb().string(2, "N")).message(1, new Pb().varint(1, 20))));
        Pb graph = new Pb().message(1, node).string(2, "g")
                .message(11, new Pb().string(1, "X").message(2, type))
                .message(12, new Pb().string(1, "Y").message(2, type));
        return new Pb().varint(1, 8).message(7, graph).message(8, new Pb().string(1, "").varint(2, 17))
                .message(8, new Pb().string(1, "com.evil").varint(2, 1)).out.toByteArray();
    }
}
