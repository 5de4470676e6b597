package org.rai4j.server;

import org.rai4j.core.Splits;
import org.rai4j.core.Table;
import org.rai4j.fairness.Adjustment;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.Auditor;
import org.rai4j.fairness.MissingGroupPolicy;
import org.rai4j.fairness.Task;
import org.rai4j.report.AuditJson;
import org.rai4j.speech.SpeechAudit;
import org.rai4j.speech.TextNormalizer;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Loads the demo on first start: the German credit model (rai4j-learn logistic regression) with its audit
 * by sex and age band and its service card; the bundled speech recognition audit with its card; and an
 * open bias bounty on German credit (public train split, private holdout, the documented screening rule
 * as the base model).
 *
 * <p>Loading has two steps so that a first start overlaps the computing with opening the database:
 * {@link #prepare()} computes everything (data, model, both audits as JSON, the bounty's splits) without
 * touching the database; {@link #store} writes the result.
 */
final class DemoLoader {
    static final String CREDIT = "german-credit";
    static final String SPEECH = "speech-asr";
    static final String BOUNTY = "german-credit-bounty";
    static final String BASE_RULE = "rule:checking_status == '<0' or (checking_status == '0<=X<200' and duration > 24)";

    private DemoLoader() {}

    /**
     * The computed demo: what {@link #store} writes.
     *
     * @param data             German credit with the group columns
     * @param creditArtifact   the credit model's stored artefact (JSON)
     * @param creditAudit      the credit model's audit (rai4j.audit JSON)
     * @param speechAudit      the bundled speech audit (rai4j.audit JSON)
     * @param bountyTrain      the bounty's public training split (CSV)
     * @param bountyHoldout    the bounty's private holdout (CSV)
     */
    record Demo(Table data, String creditArtifact, String creditAudit, String speechAudit, String bountyTrain,
                String bountyHoldout) {}

    /** Computes the demo; touches no database. Deterministic (every seed is fixed). */
    static Demo prepare() throws Exception {
        Table data = DemoData.germanCredit();
        CreditModel credit = CreditModel.train(data, 0.3, 2024, 1.0);
        Table audited = credit.audited(credit.test, "german-credit-holdout");
        AuditSpec spec = new AuditSpec(Task.BINARY, "good_credit", "predicted_good", "score", null, "1", "0",
                CreditModel.GROUPS, List.of(), MissingGroupPolicy.ERROR, 30, 0.95, 1000, 42L, Adjustment.HOLM);
        AuditResult creditAudit = Auditor.run(audited, spec, i -> { });
        Table t = DemoData.speech();
        AuditSpec speechSpec = SpeechAudit.spec("reference", "hypothesis", List.of("accent", "condition"), 30, 0.95, 1000, 42L);
        AuditResult speechAudit = SpeechAudit.run(t, speechSpec, TextNormalizer.DEFAULT, "speaker", i -> { }).audit();
        int[][] split = Splits.trainTest(data.rowCount(), 0.4, 2024);
        return new Demo(data, Json.write(credit.artifact()), AuditJson.toJson(creditAudit), AuditJson.toJson(speechAudit),
                DemoData.csv(data.select(split[0])), DemoData.csv(data.select(split[1])));
    }

    /**
     * Starts {@link #prepare()} on its own thread (not the common pool: on a 2-core machine that pool has one
     * worker, which the audits' parallel bootstraps need).
     */
    static CompletableFuture<Demo> prepareInBackground() {
        CompletableFuture<Demo> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                long t0 = System.nanoTime();
                Demo demo = prepare();
                org.slf4j.LoggerFactory.getLogger(DemoLoader.class).info("demo computed in {} ms (cpu {} ms on its thread)",
                        (System.nanoTime() - t0) / 1_000_000, StartupPhases.threadCpuNanos() / 1_000_000);
                f.complete(demo);
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "rai4j-demo");
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** Writes a prepared demo: the two models with their published versions, then the bounty. */
    static void store(Store store, Bounties bounties, Demo demo) {
        store.jdbi.useTransaction(h -> {
            store.insertModel(h, CREDIT, "German credit scoring (logistic regression)", "binary-classifier",
                    "Scores loan applicants as good or bad credit risks; audited by sex and age band on 300 held-out applicants.");
            store.insertVersion(h, new Store.Version(CREDIT, 1, "published", "demo model trained on 70% of German credit (seed 2024)",
                    demo.creditArtifact(), demo.creditAudit(), DemoData.text("german-credit-card.yaml"), null, null, null));
            store.insertModel(h, SPEECH, "Offline speech recognition (pocketsphinx)", "speech-recogniser",
                    "Word error rate by accent and acoustic condition on 3,024 synthetic utterances (audit only).");
            store.insertVersion(h, new Store.Version(SPEECH, 1, "published", "bundled speech audit (data/speech)",
                    null, demo.speechAudit(), DemoData.text("speech-card.yaml"), null, null, null));
        });
        bounties.create(new Bounties.NewBounty(BOUNTY, "German credit: find applicants the screening rule fails",
                "German credit screening rule (bounty model)", demo.bountyTrain(), demo.bountyHoldout(),
                "class", "bad", BASE_RULE, "0.005", "0", 20, "threshold", 50, 30));
    }
}
