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
 * as the base model). The two audits run in parallel.
 */
final class DemoLoader {
    static final String CREDIT = "german-credit";
    static final String SPEECH = "speech-asr";
    static final String BOUNTY = "german-credit-bounty";
    static final String BASE_RULE = "rule:checking_status == '<0' or (checking_status == '0<=X<200' and duration > 24)";

    private DemoLoader() {}

    static void load(Store store, Bounties bounties, Models models) throws Exception {
        Table data = models.germanCredit();
        CompletableFuture<AuditResult> speech = CompletableFuture.supplyAsync(() -> {
            try {
                Table t = DemoData.speech();
                AuditSpec spec = SpeechAudit.spec("reference", "hypothesis", List.of("accent", "condition"), 30, 0.95, 1000, 42L);
                return SpeechAudit.run(t, spec, TextNormalizer.DEFAULT, "speaker", i -> { }).audit();
            } catch (Exception e) {
                throw new IllegalStateException("demo speech audit: " + e.getMessage(), e);
            }
        });
        CreditModel credit = CreditModel.train(data, 0.3, 2024, 1.0);
        Table audited = credit.audited(credit.test, "german-credit-holdout");
        AuditSpec spec = new AuditSpec(Task.BINARY, "good_credit", "predicted_good", "score", null, "1", "0",
                CreditModel.GROUPS, List.of(), MissingGroupPolicy.ERROR, 30, 0.95, 1000, 42L, Adjustment.HOLM);
        AuditResult creditAudit = Auditor.run(audited, spec, i -> { });
        AuditResult speechAudit = speech.get();
        store.jdbi.useTransaction(h -> {
            store.insertModel(h, CREDIT, "German credit scoring (logistic regression)", "binary-classifier",
                    "Scores loan applicants as good or bad credit risks; audited by sex and age band on 300 held-out applicants.");
            store.insertVersion(h, new Store.Version(CREDIT, 1, "published", "demo model trained on 70% of German credit (seed 2024)",
                    Json.write(credit.artifact()), AuditJson.toJson(creditAudit), DemoData.text("german-credit-card.yaml"), null, null, null));
            store.insertModel(h, SPEECH, "Offline speech recognition (pocketsphinx)", "speech-recogniser",
                    "Word error rate by accent and acoustic condition on 3,024 synthetic utterances (audit only).");
            store.insertVersion(h, new Store.Version(SPEECH, 1, "published", "bundled speech audit (data/speech)",
                    null, AuditJson.toJson(speechAudit), DemoData.text("speech-card.yaml"), null, null, null));
        });
        int[][] split = Splits.trainTest(data.rowCount(), 0.4, 2024);
        bounties.create(new Bounties.NewBounty(BOUNTY, "German credit: find applicants the screening rule fails",
                "German credit screening rule (bounty model)", DemoData.csv(data.select(split[0])), DemoData.csv(data.select(split[1])),
                "class", "bad", BASE_RULE, "0.005", "0", 20, "threshold", 50, 30));
    }
}
