package org.rai4j.cli;

import java.io.PrintStream;

/** The message for a run that ran out of Java heap: what happened and how to give Java more memory. */
final class OutOfMemory {
    private OutOfMemory() {}

    /** Prints the message (allocating little: the failed work's objects are garbage by now) and returns status 1. */
    static int report(PrintStream err) {
        long max = Runtime.getRuntime().maxMemory();
        err.println(message(max));
        err.flush();
        return 1;
    }

    /** The message for a heap of {@code maxBytes}; suggests at least twice as much, in whole GiB. */
    static String message(long maxBytes) {
        long mib = maxBytes / (1 << 20);
        long needGib = Math.max(1, (2 * maxBytes + (1L << 30) - 1) >> 30);
        long suggestGib = Long.highestOneBit(needGib);
        if (suggestGib < needGib) {
            suggestGib <<= 1;
        }
        return "rai4j: error: out of memory: the input needs more than the " + mib + " MiB the Java heap may use;"
                + " give Java more with -Xmx, e.g. RAI4J_JAVA_OPTS=-Xmx" + suggestGib + "g ./rai4j … (or java -Xmx"
                + suggestGib + "g -jar rai4j.jar …), or split the input";
    }
}
