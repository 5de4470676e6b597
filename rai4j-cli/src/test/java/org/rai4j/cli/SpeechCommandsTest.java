package org.rai4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechCommandsTest {
    @TempDir
    Path dir;

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void wer_jsonToStdout_hasIssueKeysAndValues() throws Exception {
        // "the cat sat" -> "The cat sit, down!": after lowercase + punctuation, S = 1 (sat/sit), I = 1 (down)
        CliRun r = CliRun.of("wer", "--reference", "the cat sat", "--hypothesis", "The cat sit, down!", "--json", "-");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = json(r.out());
        for (String k : new String[] {"wer", "mer", "wil", "wip", "cer", "hits", "substitutions", "deletions", "insertions"}) {
            assertThat(j.has(k)).as(k).isTrue();
        }
        assertThat(j.get("wer").asDouble()).isEqualTo(2.0 / 3);
        assertThat(j.get("mer").asDouble()).isEqualTo(0.5);
        assertThat(j.get("hits").asLong()).isEqualTo(2);
        assertThat(j.get("substitutions").asLong()).isEqualTo(1);
        assertThat(j.get("insertions").asLong()).isEqualTo(1);
        assertThat(j.get("normalization").toString()).isEqualTo("[\"lowercase\",\"remove-punctuation\",\"split-on-whitespace\"]");
    }

    @Test
    void wer_text_showsAlignmentAndEmptyReferenceNote() {
        CliRun r = CliRun.of("wer", "--reference", "", "--hypothesis", "uh huh", "--normalize", "none");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("WER 2.0000").contains("insertions 2").contains("the reference is empty");
        CliRun bad = CliRun.of("wer", "--reference", "a", "--hypothesis", "b", "--also", "stemming");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("--also: normalization step must be one of");
    }

    private Path speechCsv() throws Exception {
        StringBuilder sb = new StringBuilder("utterance_id,speaker,accent,condition,reference,hypothesis\n");
        String[] refs = {"the patient has a mild fever", "please call the doctor", "no chest pain today"};
        for (int s = 0; s < 6; s++) {
            String accent = s < 3 ? "us" : "scottish";
            for (String cond : new String[] {"clean", "hospital"}) {
                for (int p = 0; p < 3; p++) {
                    String hyp = refs[p];
                    if (cond.equals("hospital") && (s >= 3 || p == 0)) {
                        hyp = hyp.replace("the", "a").replace("no", "know");
                    }
                    if (s == 5 && p == 2) {
                        hyp = "";
                    }
                    sb.append("u").append(s).append(p).append(cond).append(",s").append(s).append(',').append(accent).append(',')
                            .append(cond).append(',').append(refs[p]).append(',').append(hyp).append('\n');
                }
            }
        }
        Path f = dir.resolve("speech.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void auditTaskSpeech_clusterBySpeaker_jsonHasMetricsCountsCoverageAndNormalization() throws Exception {
        Path csv = speechCsv();
        Path out = dir.resolve("audit.json");
        CliRun r = CliRun.of("audit", "--task", "speech", "--data", csv.toString(), "--reference", "reference",
                "--hypothesis", "hypothesis", "--group", "accent", "--group", "condition", "--cluster", "speaker",
                "--bootstrap", "100", "--json", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("task speech").contains("accent=scottish, condition=hospital").contains("wer")
                .contains("bootstrap: clusters:speaker").contains("accent \\ condition");
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertThat(j.get("schema").asText()).isEqualTo("rai4j.audit/1");
        assertThat(j.get("task").asText()).isEqualTo("speech");
        assertThat(j.get("bootstrap_method").asText()).isEqualTo("clusters:speaker");
        for (String m : new String[] {"wer", "mer", "wil", "wip", "cer", "sentence_error_rate", "mean_utterance_wer"}) {
            assertThat(j.at("/overall/metrics/" + m).has("value")).as(m).isTrue();
        }
        for (String c : new String[] {"hits", "substitutions", "deletions", "insertions", "reference_words"}) {
            assertThat(j.at("/overall/counts").has(c)).as(c).isTrue();
        }
        assertThat(j.at("/overall/metrics/wer/ci").size()).isEqualTo(2);
        assertThat(j.at("/aggregates/wer").has("difference_between_groups")).isTrue();
        assertThat(j.get("normalization").size()).isEqualTo(3);
        assertThat(j.at("/coverage/cells").size()).isEqualTo(4);
        // 9 rows per cell: THIN against the coverage's 30 rows (with --cluster, --min-group-size counts speakers)
        assertThat(j.at("/coverage/summary/orders/1/score").asDouble()).isEqualTo(0.0);
        assertThat(j.at("/provenance/config/cluster").asText()).isEqualTo("speaker");
        assertThat(j.at("/provenance/config/min_group_size").asText()).isEqualTo("2");
        // 3 speakers per slice: FEW_CLUSTERS, with the jackknife t interval (t on 2 df), left out of gaps
        JsonNode slice = null;
        for (JsonNode g : j.get("groups")) {
            if (g.at("/slice/accent").asText().equals("us") && !g.at("/slice").has("condition")) {
                slice = g;
            }
        }
        assertThat(slice).isNotNull();
        assertThat(slice.get("status").asText()).isEqualTo("FEW_CLUSTERS");
        assertThat(slice.at("/counts/clusters").asDouble()).isEqualTo(3);
        assertThat(slice.at("/metrics/wer/ci").size()).isEqualTo(2);
        assertThat(j.at("/aggregates/wer/excluded").toString()).contains("FEW_CLUSTERS (clusters=3 < 10)");
        assertThat(j.at("/resampling_units/method").asText()).isEqualTo("clusters:speaker");
        assertThat(j.at("/resampling_units/units").asInt()).isEqualTo(6);
    }

    /** The rows of the speech fixture with one condition. */
    private Path speechCsv(String condition) throws Exception {
        List<String> lines = Files.readAllLines(speechCsv());
        StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
        for (String l : lines.subList(1, lines.size())) {
            if (l.split(",")[3].equals(condition)) {
                sb.append(l).append('\n');
            }
        }
        Path f = dir.resolve(condition + ".csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void compareAndAuditBaseline_speechAudits_changeAndDifferentialByAccentWithSpeakerClusters() throws Exception {
        Path base = dir.resolve("clean.json");
        Path cand = dir.resolve("hospital.json");
        for (String[] c : new String[][] {{"clean", base.toString()}, {"hospital", cand.toString()}}) {
            CliRun a = CliRun.of("audit", "--task", "speech", "--data", speechCsv(c[0]).toString(), "--reference", "reference",
                    "--hypothesis", "hypothesis", "--group", "accent", "--cluster", "speaker", "--bootstrap", "100",
                    "--json", c[1]);
            assertThat(a.status()).as(a.err()).isZero();
        }
        CliRun r = CliRun.of("compare", "--baseline", base.toString(), "--candidate", cand.toString(), "--metric", "wer",
                "--bootstrap", "200", "--json", "-");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = json(r.out());
        assertThat(j.at("/task").asText()).isEqualTo("speech");
        assertThat(r.err()).contains("whole speaker clusters drawn with replacement").contains("accent=scottish");
        // every scottish hospital utterance has errors, 1 in 3 US ones: scottish changes more than the rest
        JsonNode scottish = null;
        for (JsonNode sl : j.get("slices")) {
            if (sl.at("/slice/accent").asText().equals("scottish")) {
                scottish = sl;
            }
        }
        assertThat(scottish).isNotNull();
        assertThat(scottish.at("/change/value").asDouble()).isGreaterThan(0.15)
                .isCloseTo(scottish.at("/candidate/value").asDouble() - scottish.at("/baseline/value").asDouble(),
                        org.assertj.core.data.Offset.offset(1e-12));
        assertThat(scottish.at("/differential/value").asDouble()).isGreaterThan(0.1);
        CliRun inline = CliRun.of("audit", "--task", "speech", "--data", speechCsv("hospital").toString(), "--reference",
                "reference", "--hypothesis", "hypothesis", "--group", "accent", "--cluster", "speaker", "--bootstrap", "100",
                "--baseline", base.toString(), "--metric", "wer");
        assertThat(inline.status()).as(inline.err()).isZero();
        assertThat(inline.out()).contains("accent=scottish").contains("differential");
        CliRun mixed = CliRun.of("compare", "--baseline", base.toString(), "--candidate", base.toString().replace("clean", "nope"));
        assertThat(mixed.status()).isEqualTo(1);
    }

    /** The speech service card's customer commands, run as printed (your-data.csv and your-audit.json substituted). */
    @Test
    void speechServiceCard_customerCommandsRunAsPrinted() throws Exception {
        Path base = dir.resolve("provider-audit.json");
        CliRun a = CliRun.of("audit", "--task", "speech", "--data", speechCsv("clean").toString(), "--reference", "reference",
                "--hypothesis", "hypothesis", "--group", "accent", "--cluster", "speaker", "--bootstrap", "100",
                "--also", "numbers-to-words", "--json", base.toString());
        assertThat(a.status()).as(a.err()).isZero();
        Path yaml = dir.resolve("card.yaml");
        Files.writeString(yaml, "name: Bedside dictation\nversion: \"1\"\noverview: Dictation.\n");
        Path md = dir.resolve("card.md");
        CliRun card = CliRun.of("card", "--audit", base.toString(), "--card", yaml.toString(), "--out", md.toString());
        assertThat(card.status()).as(card.err()).isZero();
        String text = Files.readString(md);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)```\\s*\\n(rai4j (?:audit|compare) [^`]*?)```").matcher(text);
        List<String> commands = new ArrayList<>();
        while (m.find()) {
            commands.add(m.group(1).replace("\\\n", " ").strip());
        }
        assertThat(commands).hasSize(2);
        assertThat(commands.get(0)).contains("--task speech").contains("--cluster speaker").contains("--metric wer")
                .contains("--normalize none").contains("--also numbers-to-words");
        Path yourAudit = dir.resolve("your-audit.json");
        CliRun own = CliRun.of("audit", "--task", "speech", "--data", speechCsv("hospital").toString(), "--reference",
                "reference", "--hypothesis", "hypothesis", "--group", "accent", "--cluster", "speaker", "--bootstrap", "100",
                "--json", yourAudit.toString());
        assertThat(own.status()).as(own.err()).isZero();
        for (String c : commands) {
            String line = c.replace("your-data.csv", speechCsv("hospital").toString())
                    .replace("your-audit.json", yourAudit.toString()).replace(base.getFileName().toString(), base.toString())
                    .replace("last-mile.html", dir.resolve("last-mile.html").toString());
            List<String> args = new ArrayList<>(List.of(line.split("\\s+")));
            args.remove(0);
            CliRun r = CliRun.of(args.toArray(new String[0]));
            assertThat(r.status()).as(line + "\n" + r.err()).isIn(0, 3);
            assertThat(r.out() + r.err()).contains("accent=scottish");
        }
    }

    @Test
    void auditTaskSpeech_missingHypothesisOrBadGate_exitsWithStatus() throws Exception {
        Path csv = speechCsv();
        CliRun missing = CliRun.of("audit", "--task", "speech", "--data", csv.toString(), "--reference", "reference",
                "--group", "accent");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("--reference COL and --hypothesis COL are required");
        CliRun gate = CliRun.of("audit", "--task", "speech", "--data", csv.toString(), "--reference", "reference",
                "--hypothesis", "hypothesis", "--group", "accent", "--bootstrap", "20", "--min-group-size", "5",
                "--fail-if", "wer.difference_between_groups > 0.05");
        assertThat(gate.status()).as(gate.err()).isEqualTo(3);
        assertThat(gate.err()).contains("gate failed: wer.difference_between_groups > 0.05");
    }

    @Test
    void coverage_threeDimensions_jsonShapeAndMissingCells() throws Exception {
        StringBuilder sb = new StringBuilder("accent,noise,device\n");
        for (int i = 0; i < 40; i++) {
            sb.append(i % 2 == 0 ? "us" : "gb").append(',').append(i % 4 < 2 ? "clean" : "babble").append(",headset\n");
        }
        sb.append("gb,hum,phone\n");
        Path f = dir.resolve("cov.csv");
        Files.writeString(f, sb.toString());
        CliRun r = CliRun.of("coverage", "--data", f.toString(), "--dimension", "accent", "--dimension", "noise",
                "--dimension", "device", "--min-count", "5", "--json", "-");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = json(r.out());
        assertThat(j.fieldNames()).toIterable().containsExactly("cells", "pairs", "summary");
        assertThat(j.get("cells").size()).isEqualTo(2 * 3 * 2);
        assertThat(j.at("/cells/0/levels/accent").asText()).isEqualTo("us");
        assertThat(j.at("/cells/0/status").asText()).isEqualTo("OK");
        assertThat(j.get("pairs").size()).isEqualTo(2 * 3 + 2 * 2 + 3 * 2);
        assertThat(j.at("/summary/orders").size()).isEqualTo(3);
        assertThat(j.at("/summary/missing_cells").size()).isEqualTo(12 - 5);
        CliRun text = CliRun.of("coverage", "--data", f.toString(), "--dimension", "accent", "--dimension", "noise", "--min-count", "5");
        assertThat(text.out()).contains("1 THIN").contains("missing cells (1 of 6)").contains("accent=us, noise=hum");
        CliRun undeclared = CliRun.of("coverage", "--data", f.toString(), "--dimension", "noise", "--levels",
                "noise=clean,babble,car");
        assertThat(undeclared.status()).as(undeclared.err()).isZero();
        assertThat(undeclared.out()).contains("41 rows (1 excluded: extra level)")
                .contains("extra levels of noise (observed, not declared; rows left out): hum (1 rows)")
                .contains("noise=car");
        JsonNode uj = json(CliRun.of("coverage", "--data", f.toString(), "--dimension", "noise", "--levels",
                "noise=clean,babble,car", "--json", "-").out());
        assertThat(uj.at("/summary/extra_levels/noise/hum").asLong()).isEqualTo(1);
        assertThat(uj.at("/summary/rows_excluded_missing_value").asLong()).isZero();
    }

    @Test
    void benchSpeech_shortRun_headlinesTheFromStringsPathAgainstThePreviousOne() {
        CliRun r = CliRun.of("bench", "speech", "--pairs", "3000", "--repetitions", "1", "--warmup", "0", "--threads", "2");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("speech scoring from strings (normalise, word + character alignment), 3,000 pairs per pass"
                        + " = data/speech/utterances.csv (1,920 pairs) cycled")
                .contains("all paths give identical counts")
                .contains("previous path (String per step and word, HashMap), 1 thread")
                .contains("SpeechScorer.scoreEach, 2 threads (what audit --task speech runs)")
                .contains("target: >= 300,000 pairs/s");
    }

    @Test
    void demoSpeech_bundledData_jsonHasAuditCoverageAndHospitalComparison() throws Exception {
        Path out = dir.resolve("demo.json");
        Path html = dir.resolve("demo.html");
        CliRun r = CliRun.of("demo", "speech", "--bootstrap", "100", "--json", out.toString(), "--html", html.toString());
        assertThat(r.status()).as(r.err()).isZero();
        // the HTML speech page: a condition-effect section, conventions without Wilson, labels never clipped
        String page = Files.readString(html);
        assertThat(page).contains("Condition effect: condition=").contains("jackknife").doesNotContain("Wilson")
                .doesNotContain("…</text>");
        assertThat(r.out()).contains("speaker-cluster jackknife t for slices, simultaneous speaker-cluster jackknife t for gaps")
                .doesNotContain("Wilson");
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        long n = j.get("n").asLong();
        assertThat(r.out()).contains(n + " utterances").contains("condition=hospital").contains("bootstrap: clusters:speaker");
        assertThat(j.get("task").asText()).isEqualTo("speech");
        assertThat(j.get("bootstrap_method").asText()).isEqualTo("clusters:speaker");
        int accents = j.at("/coverage/summary/dimensions/accent").size();
        int conditions = j.at("/coverage/summary/dimensions/condition").size();
        assertThat(j.at("/coverage/cells").size()).isEqualTo(accents * conditions);
        assertThat(j.at("/coverage/summary/missing_cells").size()).isZero();
        // the hospital effect is a last-mile comparison (clean = baseline, hospital = candidate) by accent, Holm
        JsonNode effect = j.get("condition_effect");
        assertThat(effect.get("task").asText()).isEqualTo("speech");
        assertThat(effect.at("/slices").size()).isEqualTo(accents);
        assertThat(effect.at("/adjust").asText().toLowerCase(java.util.Locale.ROOT)).isEqualTo("holm");
        for (JsonNode sl : effect.get("slices")) {
            assertThat(sl.at("/change/ci").size()).as(sl.toString()).isEqualTo(2);
            assertThat(sl.at("/change/value").asDouble()).isCloseTo(
                    sl.at("/candidate/value").asDouble() - sl.at("/baseline/value").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(r.out()).doesNotContain("hurt less");
        JsonNode longest = null;
        for (JsonNode g : j.get("groups")) {
            if (longest == null || g.get("slice").toString().length() > longest.get("slice").toString().length()) {
                longest = g;
            }
        }
        String label = "accent=" + longest.at("/slice/accent").asText() + ", condition=" + longest.at("/slice/condition").asText();
        assertThat(page).contains(">" + label + "</text>");
    }

    @Test
    void synthesizeAudit_unknownVoice_isAUserError() throws Exception {
        Path prompts = dir.resolve("p.csv");
        Files.writeString(prompts, "prompt_id,text\np1,Hello.\n");
        CliRun r = CliRun.of("speech", "synthesize-audit", "--prompts", prompts.toString(), "--voices", "en-mars",
                "--conditions", "clean", "--out", dir.resolve("out").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("--voices: voice must be one of").contains("got 'en-mars'");
    }
}
