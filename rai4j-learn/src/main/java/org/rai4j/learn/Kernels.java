package org.rai4j.learn;

import dev.ludovic.netlib.blas.BLAS;

/**
 * The matrix kernels of the dense models: one BLAS instance for the JVM, chosen by dev.ludovic.netlib —
 * the system's native BLAS through JNI ({@code libblas.so.3}; on Debian, {@code libopenblas0} makes that
 * OpenBLAS, multithreaded), else the Vector API implementation when the JVM exposes it, else pure Java.
 * BLAS instances are stateless and thread-safe.
 */
final class Kernels {
    /** Holds the library's logger so that the level set below stays (loggers are weakly referenced). */
    private static final java.util.logging.Logger NETLIB_LOG = quiet();
    static final BLAS BLAS = dev.ludovic.netlib.blas.BLAS.getInstance();

    /**
     * The library logs a WARNING for every implementation it cannot load (e.g. the Vector API, absent on
     * Java 17 without {@code --add-modules}); which one was chosen is reported by {@link #description()}.
     */
    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("dev.ludovic.netlib");
        log.setLevel(java.util.logging.Level.SEVERE);
        return log;
    }

    private Kernels() {}

    /** E.g. "native BLAS via JNI (JNIBLAS)" or "pure Java (Java11BLAS)". */
    static String description() {
        String name = BLAS.getClass().getSimpleName();
        return (name.startsWith("JNI") ? "native BLAS via JNI" : name.startsWith("Vector") ? "Java Vector API"
                : "pure Java") + " (dev.ludovic.netlib " + name + ")";
    }
}
