package org.rai4j.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Wall-clock milliseconds of each start-up phase and the CPU milliseconds the whole process (all threads,
 * JIT and GC included) spent in it, for the start-up log line: on a shared machine the wall clock says how
 * long the start took, the CPU time what it cost. Not thread-safe: one starting thread laps it.
 */
final class StartupPhases {
    private final Map<String, Long> millis = new LinkedHashMap<>();
    private final Map<String, Long> cpuMillis = new LinkedHashMap<>();
    private final Map<String, Long> threadCpuMillis = new LinkedHashMap<>();
    private long last;
    private long lastCpu;
    private long lastThreadCpu;

    StartupPhases(long startNanos) {
        this.last = startNanos;
        this.lastCpu = processCpuNanos();
        this.lastThreadCpu = threadCpuNanos();
    }

    /** Records the time since the previous lap under {@code phase}. */
    void lap(String phase) {
        long now = System.nanoTime();
        long cpu = processCpuNanos();
        long threadCpu = threadCpuNanos();
        millis.merge(phase, (now - last) / 1_000_000, Long::sum);
        cpuMillis.merge(phase, (cpu - lastCpu) / 1_000_000, Long::sum);
        threadCpuMillis.merge(phase, (threadCpu - lastThreadCpu) / 1_000_000, Long::sum);
        last = now;
        lastCpu = cpu;
        lastThreadCpu = threadCpu;
    }

    /** CPU nanoseconds used by this process so far, or 0 where the JVM does not say. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? Math.max(0, sun.getProcessCpuTime()) : 0;
    }

    /** CPU nanoseconds used by the calling thread so far, or 0 where the JVM does not measure it. */
    static long threadCpuNanos() {
        java.lang.management.ThreadMXBean t = java.lang.management.ManagementFactory.getThreadMXBean();
        return t.isCurrentThreadCpuTimeSupported() ? Math.max(0, t.getCurrentThreadCpuTime()) : 0;
    }

    /** The phases so far, in order. */
    Map<String, Long> millis() {
        return Map.copyOf(millis);
    }

    @Override
    public String toString() {
        return millis.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " ms (cpu " + cpuMillis.get(e.getKey())
                + ", this thread " + threadCpuMillis.get(e.getKey()) + ")").collect(Collectors.joining(", "));
    }
}
