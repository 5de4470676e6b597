package org.rai4j.server;

import org.rai4j.core.Splits;
import org.rai4j.core.Table;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code rai4j bench serve}: a platform on loopback (embedded H2, temporary folder) with the demo plus a bounty
 * whose holdout has {@code holdoutRows} rows (German credit rows resampled with a fixed seed); {@code hunters}
 * threads submit groups while {@code readers} threads read public routes for {@code seconds}. Reports read
 * latency percentiles and throughput, and per submission the decision time (engine + transaction, in the
 * single model writer) and the end-to-end time from acknowledgement to decision.
 */
public final class ServeBench {
    /** Seconds the readers run before the measured window opens. */
    static final int WARM_UP_SECONDS = 5;

    private ServeBench() {}

    /**
     * The figures of one run.
     *
     * @param reads            read requests completed
     * @param readErrors       read requests that failed or did not answer 200
     * @param seconds          measured seconds
     * @param p50Millis        median read latency
     * @param p99Millis        99th percentile read latency
     * @param maxMillis        slowest read
     * @param submissions      submissions decided during the run
     * @param decisionMedianMs median decision time (holdout verification + transaction)
     * @param decisionMaxMs    slowest decision
     * @param endToEndMedianMs median time from acknowledgement to decision (includes queueing)
     * @param holdoutRows      rows of the bench bounty's holdout
     * @param loadAverage      the machine's 1-minute load average at the end of the measured window (the readers and
     *                         the server share the machine's cores; other programs' load shows here)
     * @param cpuSeconds       CPU seconds this process (server, readers, hunters, verification) used in the window:
     *                         with the reads it gives the CPU cost per read, which a loaded machine distorts less than
     *                         the wall-clock figures
     */
    public record Result(long reads, long readErrors, double seconds, double p50Millis, double p99Millis, double maxMillis,
                         int submissions, double decisionMedianMs, double decisionMaxMs, double endToEndMedianMs, int holdoutRows,
                         double loadAverage, double cpuSeconds) {
        public double readsPerSecond() {
            return reads / seconds;
        }

        public String render() {
            return String.format(Locale.ROOT, "reads: %d in %.1f s = %.0f reads/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; errors %d; "
                            + "load average %.2f at the end of the window%n"
                            + "process CPU in the window: %.1f s of %.1f available on %d cores (%.0f%%) = %.2f ms per read, verification included%n"
                            + "submissions: %d decided; decision (verification on %,d holdout rows + transaction) median %.0f ms, max %.0f ms; "
                            + "acknowledged → decided median %.0f ms%n",
                    reads, seconds, readsPerSecond(), p50Millis, p99Millis, maxMillis, readErrors, loadAverage,
                    cpuSeconds, seconds * Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors(),
                    100 * cpuSeconds / (seconds * Runtime.getRuntime().availableProcessors()), reads == 0 ? Double.NaN : 1000 * cpuSeconds / reads,
                    submissions, holdoutRows,
                    decisionMedianMs, decisionMaxMs, endToEndMedianMs);
        }

        /** The targets against these figures, and the load average after the run. */
        public String renderTargets(double loadAfter) {
            return String.format(Locale.ROOT, "targets: reads p99 < 50 ms (%s), >= 2,000 reads/s (%s), verification < 1 s (%s); load average %.2f after%n",
                    p99Millis < 50 ? "met" : "missed", readsPerSecond() >= 2000 ? "met" : "missed",
                    Double.isNaN(decisionMedianMs) ? "not measured: no submission decided" : decisionMedianMs < 1000 ? "met" : "missed", loadAfter);
        }
    }

    /** The bench's first line: its parameters, the cores and the load average before the run. */
    public static String header(int hunters, int readers, int seconds, int holdoutRows, double loadBefore) {
        return String.format(Locale.ROOT, "bench serve: %d hunters, %d readers, %d s, holdout %,d rows; %d cores, load average %.2f before%n",
                hunters, readers, seconds, holdoutRows, Runtime.getRuntime().availableProcessors(), loadBefore);
    }

    static final String[] GROUPS = {
            "credit_history == 'critical/other existing credit'", "sex == 'female'", "age_band == '19-24'", "purpose == 'new car'",
            "checking_status == 'no checking'", "duration > 24", "savings_status == '<100'", "housing == 'rent'",
            "employment == '<1'", "age_band == '60+'", "job == 'unskilled resident'", "foreign_worker == 'no'"};

    public static Result run(int hunters, int readers, int seconds, int holdoutRows) throws Exception {
        Path dir = Files.createTempDirectory("rai4j-bench-serve");
        try (Rai4jServer server = Rai4jServer.start(ServerOptions.of(0, dir))) {
            Table data = DemoData.germanCredit();
            int[] drawn = Splits.withReplacement(data.rowCount(), 20_000 + holdoutRows, 20261204L);
            int[] trainRows = Arrays.copyOfRange(drawn, 0, 20_000);
            int[] holdRows = Arrays.copyOfRange(drawn, 20_000, drawn.length);
            server.bounties().create(new Bounties.NewBounty("bench", "bench bounty", "bench model", DemoData.csv(data.select(trainRows)),
                    DemoData.csv(data.select(holdRows)), "class", "bad", DemoLoader.BASE_RULE, "0.001", "0", 30, "threshold",
                    100_000, 100_000));
            String base = server.url();
            List<String> tokens = new ArrayList<>();
            for (int h = 0; h < hunters; h++) {
                tokens.add(BenchClient.hunterToken(base, "bench-hunter-" + h));
            }
            String[] paths = {"api/models", "api/bounties", "api/bounties/bench/leaderboard", "api/models/german-credit",
                    "api/bounties/german-credit-bounty", "healthz"};
            // warm-up: JIT, caches and connection set-up are not measured
            try (LoopbackClient warm = new LoopbackClient("127.0.0.1", server.port())) {
                for (int i = 0; i < 600; i++) {
                    warm.get("/" + paths[i % paths.length]);
                }
            }
            AtomicBoolean measuring = new AtomicBoolean(true);
            AtomicBoolean recording = new AtomicBoolean(false);
            AtomicLong errors = new AtomicLong();
            long[][] latencies = new long[readers][];
            int[] counts = new int[readers];
            CountDownLatch done = new CountDownLatch(readers + hunters);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < readers; t++) {
                final int id = t;
                latencies[t] = new long[1 << 13];
                threads.add(new Thread(() -> {
                    int k = id;
                    try (LoopbackClient c = new LoopbackClient("127.0.0.1", server.port())) {
                        while (measuring.get()) {
                            long t0 = System.nanoTime();
                            boolean ok;
                            try {
                                ok = c.get("/" + paths[k++ % paths.length]) == 200;
                            } catch (Exception e) {
                                ok = false;
                            }
                            if (recording.get()) {
                                if (!ok) {
                                    errors.incrementAndGet();
                                }
                                if (counts[id] < latencies[id].length) {
                                    latencies[id][counts[id]++] = System.nanoTime() - t0;
                                }
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                }, "bench-reader-" + t));
            }
            List<String> submitted = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int h = 0; h < hunters; h++) {
                final String token = tokens.get(h);
                final int hid = h;
                threads.add(new Thread(() -> {
                    HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    int k = hid;
                    try {
                        while (measuring.get()) {
                            String body = Json.write(java.util.Map.of("group", java.util.Map.of("predicate", GROUPS[k++ % GROUPS.length]),
                                    "model", java.util.Map.of("constant", k % 2 == 0 ? "good" : "bad")));
                            HttpResponse<String> resp = c.send(HttpRequest.newBuilder(URI.create(base + "api/bounties/bench/submissions"))
                                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                            if (resp.statusCode() == 202) {
                                submitted.add(Json.parse(resp.body()).get("id").asText());
                            }
                            Thread.sleep(1000);
                        }
                    } catch (Exception e) {
                        // a hunter stops on error; the figures count what was decided
                    } finally {
                        done.countDown();
                    }
                }, "bench-hunter-" + h));
            }
            threads.forEach(Thread::start);
            Thread.sleep(WARM_UP_SECONDS * 1000L);   // every reader connected and the JIT warm: not measured
            long start = System.nanoTime();
            long cpuStart = StartupPhases.processCpuNanos();
            recording.set(true);
            Thread.sleep(seconds * 1000L);
            recording.set(false);
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpu = (StartupPhases.processCpuNanos() - cpuStart) / 1e9;
            double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            measuring.set(false);
            done.await();
            server.awaitIdle(Duration.ofSeconds(120));
            long total = 0;
            for (int c : counts) {
                total += c;
            }
            long[] all = new long[(int) total];
            int pos = 0;
            for (int t = 0; t < readers; t++) {
                System.arraycopy(latencies[t], 0, all, pos, counts[t]);
                pos += counts[t];
            }
            Arrays.sort(all);
            double[] decisions = server.bounties().decisionNanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
            List<Double> e2e = new ArrayList<>();
            for (String id : submitted) {
                server.store.submission(id).ifPresent(s -> {
                    if (s.decidedAt() != null) {
                        e2e.add(Duration.between(s.createdAt(), s.decidedAt()).toNanos() / 1e6);
                    }
                });
            }
            double[] ee = e2e.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Result(total, errors.get(), elapsed, pct(all, 0.50) / 1e6, pct(all, 0.99) / 1e6, all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                    ee.length, median(decisions), decisions.length == 0 ? 0 : decisions[decisions.length - 1], median(ee), holdoutRows, load, cpu);
        }
    }

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static double median(double[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }

    /** Account set-up for the bench's hunters (sign-up, login, token) over the public API. */
    private static final class BenchClient {
        static String hunterToken(String base, String user) throws Exception {
            HttpClient c = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
            String password = "bench password " + user;
            send(c, base + "api/signup", Json.write(java.util.Map.of("username", user, "password", password, "role", "hunter")), null);
            String login = send(c, base + "api/login", Json.write(java.util.Map.of("username", user, "password", password)), null);
            String csrf = Json.parse(login).get("csrf_token").asText();
            return Json.parse(send(c, base + "api/tokens", "{\"label\":\"bench\"}", csrf)).get("token").asText();
        }

        private static String send(HttpClient c, String url, String body, String csrf) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (csrf != null) {
                b.header("X-CSRF-Token", csrf);
            }
            HttpResponse<String> r = c.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
            }
            return r.body();
        }
    }
}
