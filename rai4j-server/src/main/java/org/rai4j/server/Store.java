package org.rai4j.server;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Every SQL statement of the platform, over JDBI. Thread-safe (JDBI opens a handle per call). */
final class Store {
    final Jdbi jdbi;
    private final boolean h2;

    Store(Jdbi jdbi, boolean h2) {
        this.jdbi = jdbi;
        this.h2 = h2;
    }

    /**
     * Makes every committed transaction durable before it is acknowledged. PostgreSQL does this on commit;
     * embedded H2 (MVStore) writes committed changes in the background up to a second later, so a
     * {@code kill -9} could lose acknowledged work: H2's CHECKPOINT writes them now.
     */
    void flush() {
        if (h2) {
            jdbi.useHandle(h -> h.execute("CHECKPOINT"));
        }
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static OffsetDateTime at(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    // ------------------------------------------------------------------ users, tokens, sessions

    record User(long id, String username, String passwordHash, Role role, String team) {}

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                Role.parse(rs.getString("role")), rs.getString("team"));
    }

    long countUsers() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one());
    }

    long createUser(String username, String passwordHash, Role role, String team) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO users (username, password_hash, role, team, created_at) "
                        + "VALUES (:u, :p, :r, :t, :c)")
                .bind("u", username).bind("p", passwordHash).bind("r", role.spelling()).bind("t", team).bind("c", now())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    long createUserDurably(String username, String passwordHash, Role role, String team) {
        long id = createUser(username, passwordHash, role, team);
        flush();
        return id;
    }

    Optional<User> userByName(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE username = :u").bind("u", username)
                .map((rs, ctx) -> user(rs)).findOne());
    }

    void insertToken(String tokenHash, long userId, String label) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (:h, :u, :l, :c)")
                .bind("h", tokenHash).bind("u", userId).bind("l", label).bind("c", now()).execute());
        flush();
    }

    Optional<User> userForToken(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT u.* FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = :h")
                .bind("h", tokenHash).map((rs, ctx) -> user(rs)).findOne());
    }

    void insertSession(String sessionHash, long userId, String csrf, Instant expires) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO sessions (session_hash, user_id, csrf_token, expires_at) VALUES (:h, :u, :c, :e)")
                .bind("h", sessionHash).bind("u", userId).bind("c", csrf).bind("e", at(expires)).execute());
        flush();
    }

    record SessionUser(User user, String csrf) {}

    Optional<SessionUser> sessionUser(String sessionHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT u.*, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id "
                        + "WHERE s.session_hash = :h AND s.expires_at > :now")
                .bind("h", sessionHash).bind("now", now())
                .map((rs, ctx) -> new SessionUser(user(rs), rs.getString("csrf_token"))).findOne());
    }

    void deleteSession(String sessionHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE session_hash = :h").bind("h", sessionHash).execute());
    }

    // ------------------------------------------------------------------ models and versions

    record Model(String id, String name, String kind, String summary, int latestVersion) {}

    void insertModel(Handle h, String id, String name, String kind, String summary) {
        h.createUpdate("INSERT INTO models (id, name, kind, summary, created_at) VALUES (:i, :n, :k, :s, :c)")
                .bind("i", id).bind("n", name).bind("k", kind).bind("s", summary).bind("c", now()).execute();
    }

    private static final String MODEL_SELECT = "SELECT m.id, m.name, m.kind, m.summary, "
            + "(SELECT COALESCE(MAX(v.version), -1) FROM model_versions v WHERE v.model_id = m.id) AS latest FROM models m";

    List<Model> models() {
        return jdbi.withHandle(h -> h.createQuery(MODEL_SELECT + " ORDER BY m.created_at, m.id")
                .map((rs, ctx) -> new Model(rs.getString("id"), rs.getString("name"), rs.getString("kind"),
                        rs.getString("summary"), rs.getInt("latest"))).list());
    }

    Optional<Model> model(String id) {
        return jdbi.withHandle(h -> h.createQuery(MODEL_SELECT + " WHERE m.id = :i").bind("i", id)
                .map((rs, ctx) -> new Model(rs.getString("id"), rs.getString("name"), rs.getString("kind"),
                        rs.getString("summary"), rs.getInt("latest"))).findOne());
    }

    record Version(String modelId, int version, String changeKind, String note, String artifactJson, String auditJson,
                   String cardYaml, String predictionSha256, String submissionId, OffsetDateTime createdAt) {}

    private static Version version(ResultSet rs) throws SQLException {
        return new Version(rs.getString("model_id"), rs.getInt("version"), rs.getString("change_kind"), rs.getString("note"),
                rs.getString("artifact_json"), rs.getString("audit_json"), rs.getString("card_yaml"),
                rs.getString("prediction_sha256"), rs.getString("submission_id"), rs.getObject("created_at", OffsetDateTime.class));
    }

    void insertVersion(Handle h, Version v) {
        h.createUpdate("INSERT INTO model_versions (model_id, version, change_kind, note, artifact_json, audit_json, card_yaml, "
                        + "prediction_sha256, submission_id, created_at) VALUES (:m, :v, :k, :n, :a, :au, :c, :p, :s, :t)")
                .bind("m", v.modelId()).bind("v", v.version()).bind("k", v.changeKind()).bind("n", v.note())
                .bind("a", v.artifactJson()).bind("au", v.auditJson()).bind("c", v.cardYaml()).bind("p", v.predictionSha256())
                .bind("s", v.submissionId()).bind("t", v.createdAt() == null ? now() : v.createdAt()).execute();
    }

    /** Versions newest first, without the large text columns. */
    List<Version> versions(String modelId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT model_id, version, change_kind, note, NULL AS artifact_json, NULL AS audit_json, "
                        + "NULL AS card_yaml, prediction_sha256, submission_id, created_at FROM model_versions WHERE model_id = :m ORDER BY version DESC")
                .bind("m", modelId).map((rs, ctx) -> version(rs)).list());
    }

    /** The newest version that carries an audit (a published version), in full. */
    Optional<Version> latestPublished(String modelId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM model_versions WHERE model_id = :m AND audit_json IS NOT NULL "
                        + "ORDER BY version DESC LIMIT 1").bind("m", modelId).map((rs, ctx) -> version(rs)).findOne());
    }

    Optional<Version> version(String modelId, int version) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM model_versions WHERE model_id = :m AND version = :v")
                .bind("m", modelId).bind("v", version).map((rs, ctx) -> version(rs)).findOne());
    }

    int latestVersion(Handle h, String modelId) {
        return h.createQuery("SELECT COALESCE(MAX(version), -1) FROM model_versions WHERE model_id = :m").bind("m", modelId)
                .mapTo(Integer.class).one();
    }

    // ------------------------------------------------------------------ artefacts

    void putArtifact(String sha, byte[] content) {
        jdbi.useHandle(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM artifacts WHERE sha256 = :s").bind("s", sha).mapTo(Long.class).one() > 0;
            if (!exists) {
                h.createUpdate("INSERT INTO artifacts (sha256, content, created_at) VALUES (:s, :c, :t)")
                        .bind("s", sha).bind("c", content).bind("t", now()).execute();
            }
        });
    }

    Optional<byte[]> artifact(String sha) {
        return jdbi.withHandle(h -> h.createQuery("SELECT content FROM artifacts WHERE sha256 = :s").bind("s", sha)
                .map((rs, ctx) -> rs.getBytes(1)).findOne());
    }

    // ------------------------------------------------------------------ bounties

    record Bounty(String id, String modelId, String title, String status, String labelColumn, String positiveLabel,
                  String baseModel, String alpha, String repairAlpha, int minGroupSize, String guardPolicy,
                  int budgetPerHunter, int ratePerHour, int trainRows, int holdoutRows) {}

    private static final String BOUNTY_COLUMNS = "id, model_id, title, status, label_column, positive_label, base_model, alpha, "
            + "repair_alpha, min_group_size, guard_policy, budget_per_hunter, rate_per_hour, train_rows, holdout_rows";

    private static Bounty bounty(ResultSet rs) throws SQLException {
        return new Bounty(rs.getString("id"), rs.getString("model_id"), rs.getString("title"), rs.getString("status"),
                rs.getString("label_column"), rs.getString("positive_label"), rs.getString("base_model"), rs.getString("alpha"),
                rs.getString("repair_alpha"), rs.getInt("min_group_size"), rs.getString("guard_policy"),
                rs.getInt("budget_per_hunter"), rs.getInt("rate_per_hour"), rs.getInt("train_rows"), rs.getInt("holdout_rows"));
    }

    void insertBounty(Handle h, Bounty b, byte[] train, byte[] holdout) {
        h.createUpdate("INSERT INTO bounties (" + BOUNTY_COLUMNS + ", created_at) VALUES (:id, :model, :title, "
                        + ":status, :label, :positive, :base, :alpha, :ralpha, :ming, :guard, :budget, :rate, :trows, :hrows, :c)")
                .bind("id", b.id()).bind("model", b.modelId()).bind("title", b.title()).bind("status", b.status())
                .bind("label", b.labelColumn()).bind("positive", b.positiveLabel()).bind("base", b.baseModel())
                .bind("alpha", b.alpha()).bind("ralpha", b.repairAlpha()).bind("ming", b.minGroupSize())
                .bind("guard", b.guardPolicy()).bind("budget", b.budgetPerHunter()).bind("rate", b.ratePerHour())
                .bind("trows", b.trainRows()).bind("hrows", b.holdoutRows()).bind("c", now()).execute();
        // The splits live in their own table: reading a bounty's metadata (every leaderboard, every submission) must not
        // read megabytes of CSV (H2 keeps BYTEA values inside the row).
        h.createUpdate("INSERT INTO bounty_splits (bounty_id, train_csv, holdout_csv) VALUES (:id, :train, :holdout)")
                .bind("id", b.id()).bind("train", train).bind("holdout", holdout).execute();
    }

    List<Bounty> bounties() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + BOUNTY_COLUMNS + " FROM bounties ORDER BY created_at, id")
                .map((rs, ctx) -> bounty(rs)).list());
    }

    Optional<Bounty> bounty(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + BOUNTY_COLUMNS + " FROM bounties WHERE id = :i").bind("i", id)
                .map((rs, ctx) -> bounty(rs)).findOne());
    }

    Optional<Bounty> bountyForModel(String modelId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + BOUNTY_COLUMNS + " FROM bounties WHERE model_id = :m").bind("m", modelId)
                .map((rs, ctx) -> bounty(rs)).findFirst());
    }

    /** The public training split (CSV bytes). */
    Optional<byte[]> trainCsv(String bountyId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT train_csv FROM bounty_splits WHERE bounty_id = :i").bind("i", bountyId)
                .map((rs, ctx) -> rs.getBytes(1)).findOne());
    }

    /** The private holdout (CSV bytes): read only by the verification engine, never by a route. */
    byte[] holdoutCsvForEngine(String bountyId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT holdout_csv FROM bounty_splits WHERE bounty_id = :i").bind("i", bountyId)
                .map((rs, ctx) -> rs.getBytes(1)).one());
    }

    // ------------------------------------------------------------------ submissions

    record Submission(String id, long seq, String bountyId, long userId, String team, String groupKind, String groupText,
                      String modelKind, String modelText, String description, String features, double trainMass,
                      String status, Boolean accepted, String reason, String hunterReason, Double improvement,
                      Integer version, Integer repairs, OffsetDateTime createdAt, OffsetDateTime decidedAt) {}

    private static Submission submission(ResultSet rs) throws SQLException {
        return new Submission(rs.getString("id"), rs.getLong("seq"), rs.getString("bounty_id"), rs.getLong("user_id"),
                rs.getString("team"), rs.getString("group_kind"), rs.getString("group_text"), rs.getString("model_kind"),
                rs.getString("model_text"), rs.getString("description"), rs.getString("features"), rs.getDouble("train_mass"),
                rs.getString("status"), (Boolean) rs.getObject("accepted"), rs.getString("reason"), rs.getString("hunter_reason"),
                rs.getObject("improvement", Double.class), rs.getObject("version", Integer.class),
                rs.getObject("repairs", Integer.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class));
    }

    void insertSubmission(Submission s) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO submissions (id, bounty_id, user_id, team, group_kind, group_text, model_kind, "
                        + "model_text, description, features, train_mass, status, created_at) VALUES (:id, :b, :u, :t, :gk, :gt, :mk, :mt, :d, "
                        + ":f, :m, 'queued', :c)")
                .bind("id", s.id()).bind("b", s.bountyId()).bind("u", s.userId()).bind("t", s.team()).bind("gk", s.groupKind())
                .bind("gt", s.groupText()).bind("mk", s.modelKind()).bind("mt", s.modelText()).bind("d", s.description())
                .bind("f", s.features()).bind("m", s.trainMass()).bind("c", now()).execute());
        flush();
    }

    Optional<Submission> submission(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM submissions WHERE id = :i").bind("i", id)
                .map((rs, ctx) -> submission(rs)).findOne());
    }

    List<Submission> submissionsOf(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM submissions WHERE user_id = :u ORDER BY seq DESC").bind("u", userId)
                .map((rs, ctx) -> submission(rs)).list());
    }

    List<Submission> submissionsOfBounty(String bountyId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM submissions WHERE bounty_id = :b ORDER BY seq").bind("b", bountyId)
                .map((rs, ctx) -> submission(rs)).list());
    }

    long countSubmissions(String bountyId, long userId, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM submissions WHERE bounty_id = :b AND user_id = :u AND created_at >= :s")
                .bind("b", bountyId).bind("u", userId).bind("s", at(since)).mapTo(Long.class).one());
    }

    /** Ids of queued submissions, oldest first. */
    List<String> queued(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM submissions WHERE status = 'queued' ORDER BY seq LIMIT " + limit)
                .mapTo(String.class).list());
    }

    /** The models, queued and verifying submissions, in one round trip (for {@code /healthz}). */
    long[] healthCounts() {
        return jdbi.withHandle(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM models) AS m, "
                        + "(SELECT COUNT(*) FROM submissions WHERE status = 'queued') AS q, "
                        + "(SELECT COUNT(*) FROM submissions WHERE status = 'verifying') AS v")
                .map((rs, ctx) -> new long[] {rs.getLong("m"), rs.getLong("q"), rs.getLong("v")}).one());
    }

    long count(String status) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM submissions WHERE status = :s").bind("s", status)
                .mapTo(Long.class).one());
    }

    /** Atomically moves a queued submission to verifying; false when another worker took it. */
    boolean claim(String id) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE submissions SET status = 'verifying' WHERE id = :i AND status = 'queued'")
                .bind("i", id).execute()) == 1;
    }

    /** Puts submissions interrupted mid-verification back in the queue (on start). */
    int requeueVerifying() {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE submissions SET status = 'queued' WHERE status = 'verifying'").execute());
    }

    void release(String id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE submissions SET status = 'queued' WHERE id = :i AND status = 'verifying'")
                .bind("i", id).execute());
    }

    void markDecided(Handle h, String id, boolean accepted, String reason, String hunterReason, Double improvement,
                     Integer version, int repairs) {
        int n = h.createUpdate("UPDATE submissions SET status = 'decided', accepted = :a, reason = :r, hunter_reason = :hr, "
                        + "improvement = :w, version = :v, repairs = :rp, decided_at = :t WHERE id = :i AND status = 'verifying'")
                .bind("a", accepted).bind("r", reason).bind("hr", hunterReason).bind("w", improvement).bind("v", version)
                .bind("rp", repairs).bind("t", now()).bind("i", id).execute();
        if (n != 1) {
            throw new IllegalStateException("submission " + id + " was not in state verifying");
        }
    }

    // ------------------------------------------------------------------ audit log

    List<String> auditLog(String bountyId) {
        return jdbi.withHandle(h -> auditLog(h, bountyId));
    }

    List<String> auditLog(Handle h, String bountyId) {
        return h.createQuery("SELECT line FROM audit_log WHERE bounty_id = :b ORDER BY seq").bind("b", bountyId)
                .mapTo(String.class).list();
    }

    void appendAudit(Handle h, String bountyId, int firstSeq, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            h.createUpdate("INSERT INTO audit_log (bounty_id, seq, line) VALUES (:b, :s, :l)")
                    .bind("b", bountyId).bind("s", firstSeq + i).bind("l", lines.get(i)).execute();
        }
    }
}
