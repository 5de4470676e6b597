package org.rai4j.server;

import org.rai4j.bounty.AlphaSpendingGuard;
import org.rai4j.bounty.Artifacts;
import org.rai4j.bounty.AuditLog;
import org.rai4j.bounty.AuditReplay;
import org.rai4j.bounty.BountyConfig;
import org.rai4j.bounty.BountyEngine;
import org.rai4j.bounty.DataSchema;
import org.rai4j.bounty.Decision;
import org.rai4j.bounty.Group;
import org.rai4j.bounty.GroupSpec;
import org.rai4j.bounty.HoldoutGuard;
import org.rai4j.bounty.ModelException;
import org.rai4j.bounty.ModelSpec;
import org.rai4j.bounty.PointerDecisionList;
import org.rai4j.bounty.PredicateException;
import org.rai4j.bounty.Predictor;
import org.rai4j.bounty.SignificanceGuard;
import org.rai4j.bounty.Submission;
import org.rai4j.bounty.Task;
import org.rai4j.bounty.ThresholdGuard;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Hashing;
import org.rai4j.core.Table;
import org.rai4j.onnx.OnnxLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The bounty service: creates bounties, takes submissions into the durable queue (after checks on the
 * public training split only), and verifies them with the rai4j-bounty engine. A bounded pool of workers
 * claims queued submissions (queued → verifying) and prepares their artefacts; one model writer thread
 * runs every engine call and writes the decision, the new immutable model versions and the engine's
 * audit-log lines in one transaction. Engines live in memory and are rebuilt from the stored audit log
 * by {@link AuditReplay} (which re-checks the hash chain and every recorded decision), so a restart —
 * or a {@code kill -9} — loses nothing that was acknowledged: submissions still queued or verifying are
 * verified again, and a decision is either fully written or not at all.
 */
final class Bounties implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Bounties.class);
    /** Wall-clock budget for running a submitted group and model on the public split. */
    static final Duration EVALUATION_BUDGET = Duration.ofSeconds(20);

    private final Store store;
    private final Path artifactDir;
    private final long verificationDelayMillis;
    private final Map<String, Runtime> runtimes = new ConcurrentHashMap<>();
    private final ExecutorService writer;
    private final ExecutorService workers;
    private final Thread dispatcher;
    private final Semaphore inFlight;
    private final Object wake = new Object();
    private volatile boolean running = true;
    /** Wall-clock nanoseconds of each decision (engine call + transaction), for {@code rai4j bench serve}. */
    final java.util.Queue<Long> decisionNanos = new java.util.concurrent.ConcurrentLinkedQueue<>();

    Bounties(Store store, Path artifactDir, int workerCount, long verificationDelayMillis) {
        this.store = store;
        this.artifactDir = artifactDir;
        this.verificationDelayMillis = verificationDelayMillis;
        this.writer = Executors.newSingleThreadExecutor(r -> daemon(r, "rai4j-model-writer"));
        this.workers = Executors.newFixedThreadPool(workerCount, r -> daemon(r, "rai4j-verifier"));
        this.inFlight = new Semaphore(workerCount);
        this.dispatcher = daemon(this::dispatch, "rai4j-queue");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Puts interrupted work back in the queue and starts the workers. */
    void start() {
        int resumed = store.requeueVerifying();
        if (resumed > 0) {
            LOG.info("resumed {} submission(s) interrupted during verification", resumed);
        }
        dispatcher.start();
    }

    void signal() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    // ------------------------------------------------------------------ runtime (one engine per bounty)

    /** A bounty's data and engine. Touched only by the model writer, except the immutable parts. */
    static final class Runtime {
        final Store.Bounty bounty;
        final Table train;
        final Table holdout;
        final DataSchema schema;
        final Task task;
        final Artifacts artifacts;
        final BountyEngine engine;
        final AuditLog log;
        int persisted;

        Runtime(Store.Bounty bounty, Table train, Table holdout, DataSchema schema, Task task, Artifacts artifacts,
                BountyEngine engine, AuditLog log, int persisted) {
            this.bounty = bounty;
            this.train = train;
            this.holdout = holdout;
            this.schema = schema;
            this.task = task;
            this.artifacts = artifacts;
            this.engine = engine;
            this.log = log;
            this.persisted = persisted;
        }
    }

    /** Public data of a bounty (train split, schema, task), cached. */
    record PublicData(Table train, DataSchema schema, Task task) {}

    private final Map<String, PublicData> publicData = new ConcurrentHashMap<>();

    PublicData publicData(Store.Bounty b) {
        return publicData.computeIfAbsent(b.id(), id -> {
            try {
                Table train = parseCsv(store.trainCsv(id).orElseThrow(), "train.csv of bounty " + id);
                DataSchema schema = DataSchema.fromTable(train, b.labelColumn());
                Task task = Task.binary(train, b.labelColumn(), b.positiveLabel());
                return new PublicData(train, schema, task);
            } catch (DataFileException e) {
                throw new IllegalStateException("the stored training split of bounty " + id + " does not parse: " + e.getMessage(), e);
            }
        });
    }

    static Table parseCsv(byte[] csv, String source) throws DataFileException {
        return new CsvTableReader().read(new String(csv, StandardCharsets.UTF_8), source);
    }

    /** The engine of a bounty, restored from the stored audit log when not in memory. Writer thread only. */
    private Runtime runtime(String bountyId) throws Exception {
        Runtime rt = runtimes.get(bountyId);
        if (rt != null) {
            return rt;
        }
        Store.Bounty b = store.bounty(bountyId).orElseThrow();
        PublicData pd = publicData(b);
        Table holdout = parseCsv(store.holdoutCsvForEngine(bountyId), "holdout.csv of bounty " + bountyId);
        List<String> lines = store.auditLog(bountyId);
        materialiseArtifacts(bountyId);
        Artifacts artifacts = new Artifacts(pd.schema(), pd.task(), OnnxLimits.DEFAULT);
        AuditLog log = AuditLog.inMemory();
        AuditReplay.Result r = AuditReplay.replay(lines, holdout, pd.train(), artifacts, log);
        if (!r.identical()) {
            throw new IllegalStateException("bounty " + bountyId + ": the stored audit log does not replay: " + r.firstMismatch());
        }
        rt = new Runtime(b, pd.train(), holdout, pd.schema(), pd.task(), artifacts, r.engine(), log, lines.size());
        runtimes.put(bountyId, rt);
        return rt;
    }

    static HoldoutGuard guard(String policy) {
        if (policy.equals("spending")) {
            return AlphaSpendingGuard.standard();
        }
        if (policy.equals("threshold")) {
            return new ThresholdGuard();
        }
        if (policy.equals("significance")) {
            return SignificanceGuard.oneSided95();
        }
        if (policy.startsWith("significance:")) {
            try {
                return new SignificanceGuard(Double.parseDouble(policy.substring("significance:".length())));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("guard: expected significance:Z with Z > 0, got '" + policy + "'");
            }
        }
        throw ApiException.badRequest("guard must be spending, threshold, significance or significance:Z; got '" + policy + "'");
    }

    static ModelSpec baseSpec(String text) {
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "" : text.substring(0, colon);
        String rest = colon < 0 ? "" : text.substring(colon + 1);
        return switch (kind) {
            case "rule" -> new ModelSpec.Rule(rest);
            case "constant" -> new ModelSpec.Constant(rest);
            default -> throw ApiException.badRequest("base model must be rule:<predicate> or constant:<class>, got '" + text + "'");
        };
    }

    // ------------------------------------------------------------------ creating a bounty

    /** What an admin or provider gives to open a bounty. */
    record NewBounty(String id, String title, String modelName, String trainCsv, String holdoutCsv, String label,
                     String positive, String base, String alpha, String repairAlpha, int minGroupSize, String guard,
                     int budgetPerHunter, int ratePerHour) {}

    Store.Bounty create(NewBounty nb) {
        if (!nb.id().matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw ApiException.badRequest("id: expected 2-63 lower-case letters, digits or '-', got '" + nb.id() + "'");
        }
        if (store.bounty(nb.id()).isPresent() || store.model(nb.id()).isPresent()) {
            throw ApiException.conflict("a bounty or model with id '" + nb.id() + "' exists; choose another id");
        }
        Table train;
        Table holdout;
        try {
            train = parseCsv(nb.trainCsv().getBytes(StandardCharsets.UTF_8), "train.csv");
            holdout = parseCsv(nb.holdoutCsv().getBytes(StandardCharsets.UTF_8), "holdout.csv");
        } catch (DataFileException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        BountyConfig config;
        try {
            config = new BountyConfig(new BigDecimal(nb.alpha()), new BigDecimal(nb.repairAlpha()), nb.minGroupSize(), BigDecimal.ZERO)
                    .withBudgets(Math.max(1, nb.budgetPerHunter()), BountyConfig.DEFAULT_GLOBAL_BUDGET);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("alpha and repair_alpha must be decimal numbers, got '" + nb.alpha() + "' and '" + nb.repairAlpha() + "'");
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (nb.budgetPerHunter() < 1 || nb.ratePerHour() < 1) {
            throw ApiException.badRequest("budget_per_hunter and rate_per_hour must be >= 1, got " + nb.budgetPerHunter() + " and " + nb.ratePerHour());
        }
        HoldoutGuard guard = guard(nb.guard());
        ModelSpec base = baseSpec(nb.base());
        DataSchema schema;
        Task task;
        try {
            schema = DataSchema.fromTable(train, nb.label());
            List<String> missing = schema.names().stream().filter(n -> !holdout.hasColumn(n)).toList();
            if (!missing.isEmpty() || !holdout.hasColumn(nb.label())) {
                throw ApiException.badRequest("holdout.csv: expected the same columns as train.csv; missing "
                        + (missing.isEmpty() ? nb.label() : String.join(", ", missing)));
            }
            task = Task.binary(train, nb.label(), nb.positive());
        } catch (DataFileException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        AuditLog log = AuditLog.inMemory();
        Artifacts artifacts = new Artifacts(schema, task, OnnxLimits.DEFAULT);
        BountyEngine engine;
        try {
            engine = new BountyEngine(holdout, train, artifacts, base, config, guard, log);
        } catch (DataFileException | PredicateException | ModelException e) {
            throw ApiException.badRequest("base model: " + e.getMessage());
        }
        Store.Bounty b = new Store.Bounty(nb.id(), nb.id(), nb.title(), "open", nb.label(), nb.positive(), nb.base(),
                config.alpha().toPlainString(), config.repairAlpha().toPlainString(), nb.minGroupSize(), nb.guard(),
                nb.budgetPerHunter(), nb.ratePerHour(), train.rowCount(), holdout.rowCount());
        String summary = "The model under the bias bounty '" + nb.title() + "': base " + nb.base()
                + ", improved by accepted submissions (each one an immutable version).";
        store.jdbi.useTransaction(h -> {
            store.insertModel(h, nb.id(), nb.modelName(), "bounty-model", summary);
            store.insertVersion(h, new Store.Version(nb.id(), 0, "base", "base model " + nb.base(),
                    Json.write(BountyEngine.describe(engine.pdl().nodes().get(0))), null, null,
                    BountyEngine.predictionHash(engine.holdoutPredictions()), null, null));
            store.insertBounty(h, b, nb.trainCsv().getBytes(StandardCharsets.UTF_8), nb.holdoutCsv().getBytes(StandardCharsets.UTF_8));
            store.appendAudit(h, nb.id(), 0, log.lines());
        });
        store.flush();
        runtimes.put(b.id(), new Runtime(b, train, holdout, schema, task, artifacts, engine, log, log.lines().size()));
        return b;
    }

    // ------------------------------------------------------------------ submitting (public checks only)

    /** A submission as a hunter sends it: group predicate or ONNX bytes; model rule, constant or ONNX bytes. */
    record NewSubmission(String groupPredicate, byte[] groupOnnx, String modelRule, String modelConstant, byte[] modelOnnx,
                         String description) {}

    /** Mass of a predicate on the public training split. */
    record GroupMass(String predicate, int rows, int trainRows, double mass, List<String> features) {}

    GroupMass groupMass(Store.Bounty b, String predicate) {
        PublicData pd = publicData(b);
        try {
            Group g = org.rai4j.bounty.GroupPredicate.parse(predicate, pd.schema());
            boolean[] m = g.members(pd.train());
            int k = 0;
            for (boolean x : m) {
                k += x ? 1 : 0;
            }
            return new GroupMass(predicate, k, m.length, (double) k / m.length, List.copyOf(new TreeSet<>(g.columns())));
        } catch (PredicateException e) {
            throw ApiException.unprocessable("group: " + e.getMessage());
        } catch (DataFileException | ModelException e) {
            throw ApiException.unprocessable("group: " + e.getMessage());
        }
    }

    Store.Submission submit(Principal p, Store.Bounty b, NewSubmission ns) {
        if (!"open".equals(b.status())) {
            throw ApiException.conflict("bounty " + b.id() + " is " + b.status() + " and takes no submissions");
        }
        Instant now = Instant.now();
        long lastHour = store.countSubmissions(b.id(), p.id(), now.minus(Duration.ofHours(1)));
        if (lastHour >= b.ratePerHour()) {
            throw ApiException.tooMany("rate limit: at most " + b.ratePerHour() + " submissions per hour to bounty " + b.id()
                    + "; try again later", 3600);
        }
        long total = store.countSubmissions(b.id(), p.id(), Instant.EPOCH);
        if (total >= b.budgetPerHunter()) {
            throw new ApiException(429, "Submission budget spent", "you have used your budget of " + b.budgetPerHunter()
                    + " submissions to bounty " + b.id() + " (budgets cap how often the holdout is queried)", "86400");
        }
        PublicData pd = publicData(b);
        String groupKind;
        String groupText;
        String modelKind;
        String modelText;
        if ((ns.groupPredicate() == null || ns.groupPredicate().isBlank()) == (ns.groupOnnx() == null)) {
            throw ApiException.unprocessable("group: give exactly one of a predicate or an ONNX group model");
        }
        if (ns.groupOnnx() != null) {
            groupKind = "onnx";
            groupText = storeArtifact(ns.groupOnnx());
        } else {
            groupKind = "predicate";
            groupText = ns.groupPredicate().strip();
        }
        int given = (ns.modelRule() != null && !ns.modelRule().isBlank() ? 1 : 0) + (ns.modelConstant() != null && !ns.modelConstant().isBlank() ? 1 : 0)
                + (ns.modelOnnx() != null ? 1 : 0);
        if (given != 1) {
            throw ApiException.unprocessable("model: give exactly one of a rule, a constant or an ONNX model");
        }
        if (ns.modelOnnx() != null) {
            modelKind = "onnx";
            modelText = storeArtifact(ns.modelOnnx());
        } else if (ns.modelRule() != null && !ns.modelRule().isBlank()) {
            modelKind = "rule";
            modelText = ns.modelRule().strip();
        } else {
            modelKind = "constant";
            modelText = ns.modelConstant().strip();
        }
        // Checks on the public split only: they never touch the holdout, so their messages may be shown in full.
        Set<String> features = new LinkedHashSet<>();
        double mass;
        long started = System.nanoTime();
        try (Artifacts check = new Artifacts(pd.schema(), pd.task(), OnnxLimits.DEFAULT)) {
            Group g = check.group(groupSpec(groupKind, groupText));
            Predictor h = check.model(modelSpec(modelKind, modelText));
            if (h == null) {
                throw ApiException.unprocessable("model: cannot be loaded");
            }
            boolean[] m = g.members(pd.train());
            int k = 0;
            for (boolean x : m) {
                k += x ? 1 : 0;
            }
            mass = m.length == 0 ? 0 : (double) k / m.length;
            features.addAll(groupKind.equals("onnx") ? List.of("(onnx)") : new TreeSet<>(g.columns()));
        } catch (PredicateException e) {
            throw ApiException.unprocessable(e.getMessage());
        } catch (ModelException e) {
            throw ApiException.unprocessable(e.getMessage());
        } catch (DataFileException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
        if (Duration.ofNanos(System.nanoTime() - started).compareTo(EVALUATION_BUDGET) > 0) {
            throw ApiException.unprocessable("the group and model took longer than the evaluation budget of "
                    + EVALUATION_BUDGET.toSeconds() + " s on the public training split; submit a smaller model");
        }
        String description = ns.description() == null ? "" : ns.description().strip();
        if (description.length() > 2000) {
            throw ApiException.badRequest("description: at most 2000 characters, got " + description.length());
        }
        Store.Submission s = new Store.Submission(new Secrets().id("s-"), 0, b.id(), p.id(), p.team(), groupKind, groupText,
                modelKind, modelText, description, String.join(",", features), mass, "queued", null, null, null, null, null, null, null, null);
        store.insertSubmission(s);
        signal();
        return store.submission(s.id()).orElseThrow();
    }

    private String storeArtifact(byte[] bytes) {
        if (bytes.length > OnnxLimits.DEFAULT.maxBytes()) {
            throw new ApiException(413, "Upload too large", "ONNX files may be at most " + (OnnxLimits.DEFAULT.maxBytes() >> 20)
                    + " MiB, got " + bytes.length + " bytes");
        }
        String sha = Hashing.sha256(bytes);
        store.putArtifact(sha, bytes);
        artifactFile(sha, bytes);
        return sha;
    }

    private Path artifactFile(String sha, byte[] bytes) {
        Path file = artifactDir.resolve(sha + ".onnx").toAbsolutePath();
        if (!Files.exists(file)) {
            try {
                Files.createDirectories(artifactDir);
                Path tmp = Files.createTempFile(artifactDir, sha, ".part");
                Files.write(tmp, bytes != null ? bytes : store.artifact(sha).orElseThrow(
                        () -> new IllegalStateException("artefact " + sha + " is missing from the database")));
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the artefact file " + file, e);
            }
        }
        return file;
    }

    private void materialiseArtifacts(String bountyId) {
        for (Store.Submission s : store.submissionsOfBounty(bountyId)) {
            if (s.groupKind().equals("onnx")) {
                artifactFile(s.groupText(), null);
            }
            if (s.modelKind().equals("onnx")) {
                artifactFile(s.modelText(), null);
            }
        }
    }

    GroupSpec groupSpec(String kind, String text) {
        return kind.equals("onnx") ? new GroupSpec.Onnx(artifactDir.resolve(text + ".onnx").toAbsolutePath()) : new GroupSpec.Predicate(text);
    }

    ModelSpec modelSpec(String kind, String text) {
        return switch (kind) {
            case "onnx" -> new ModelSpec.Onnx(artifactDir.resolve(text + ".onnx").toAbsolutePath());
            case "rule" -> new ModelSpec.Rule(text);
            default -> new ModelSpec.Constant(text);
        };
    }

    // ------------------------------------------------------------------ the queue

    private void dispatch() {
        while (running) {
            try {
                List<String> ids = store.queued(16);
                boolean any = false;
                for (String id : ids) {
                    if (!running) {
                        return;
                    }
                    inFlight.acquire();
                    if (store.claim(id)) {
                        any = true;
                        workers.execute(() -> {
                            try {
                                verify(id);
                            } finally {
                                inFlight.release();
                            }
                        });
                    } else {
                        inFlight.release();
                    }
                }
                if (!any) {
                    synchronized (wake) {
                        wake.wait(250);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("submission queue: {}", e.toString());
                    sleepQuietly(1000);
                }
            }
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Worker: prepares the artefacts, then hands the decision to the single model writer and waits for it. */
    private void verify(String id) {
        try {
            Store.Submission s = store.submission(id).orElseThrow();
            if (s.groupKind().equals("onnx")) {
                artifactFile(s.groupText(), null);
            }
            if (s.modelKind().equals("onnx")) {
                artifactFile(s.modelText(), null);
            }
            if (verificationDelayMillis > 0) {
                Thread.sleep(verificationDelayMillis);
            }
            Future<?> f = writer.submit(() -> {
                decide(s);
                return null;
            });
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (running) {
                LOG.error("verifying submission {} failed; it stays queued: {}", id, cause.toString());
                try {
                    store.release(id);
                } catch (RuntimeException ignored) {
                    // the database is gone; the next start re-queues it
                }
                sleepQuietly(1000);
            }
        }
    }

    /** Writer thread: one engine call and one transaction. */
    private void decide(Store.Submission s) throws Exception {
        Runtime rt = runtime(s.bountyId());
        long t0 = System.nanoTime();
        int versionBefore = rt.engine.pdl().latestVersion();
        Decision d = rt.engine.submit(new Submission(s.id(), s.team(), groupSpec(s.groupKind(), s.groupText()),
                modelSpec(s.modelKind(), s.modelText())));
        List<String> lines = rt.log.lines();
        List<String> fresh = new ArrayList<>(lines.subList(rt.persisted, lines.size()));
        HunterView view = HunterView.of(d);
        List<PointerDecisionList.Node> nodes = rt.engine.pdl().nodes();
        // only a new version records the prediction hash: a rejection does not hash 100,000 predictions
        String predictionSha = d.version() > versionBefore ? BountyEngine.predictionHash(rt.engine.holdoutPredictions()) : null;
        try {
            store.jdbi.useTransaction(h -> {
                store.markDecided(h, s.id(), d.accepted(), d.reason() == null ? null : d.reason().name(), view.reason(),
                        null, d.version(), d.repairs().size());
                store.appendAudit(h, s.bountyId(), rt.persisted, fresh);
                for (int v = versionBefore + 1; v <= d.version(); v++) {
                    PointerDecisionList.Node node = nodes.get(v);
                    boolean leaf = node instanceof PointerDecisionList.Leaf;
                    String note = leaf ? "accepted submission " + s.id() + " by team " + s.team() + ": group "
                            + ((PointerDecisionList.Leaf) node).group().description()
                            : "repair: group of " + ((PointerDecisionList.Pointer) node).owner() + " sent back to node "
                            + ((PointerDecisionList.Pointer) node).target();
                    store.insertVersion(h, new Store.Version(s.bountyId(), v, leaf ? "update" : "repair", note,
                            Json.write(BountyEngine.describe(node)), null, null, v == d.version() ? predictionSha : null, s.id(), null));
                }
            });
            rt.persisted = lines.size();
            store.flush();
            decisionNanos.add(System.nanoTime() - t0);
        } catch (RuntimeException e) {
            runtimes.remove(s.bountyId()); // the engine moved ahead of the database: rebuild it from the stored log
            throw e;
        }
    }

    /** Waits until nothing is queued or verifying (tests, bench), at most {@code timeout}. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (store.count("queued") == 0 && store.count("verifying") == 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Override
    public void close() {
        running = false;
        signal();
        dispatcher.interrupt();
        workers.shutdownNow();
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Runtime rt : runtimes.values()) {
            try {
                rt.artifacts.close();
            } catch (ModelException e) {
                LOG.warn("closing ONNX sessions of bounty {}: {}", rt.bounty.id(), e.getMessage());
            }
        }
    }
}
