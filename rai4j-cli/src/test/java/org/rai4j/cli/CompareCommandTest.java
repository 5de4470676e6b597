package org.rai4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The last-mile commands end to end, as docs/last-mile.md runs them. */
class CompareCommandTest {
    private static Path dir;

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Rai4j.newCommandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @BeforeAll
    static void provider() throws Exception {
        dir = Files.createTempDirectory("rai4j-last-mile");
        assertThat(run("demo-last-mile", "--out", dir.toString()).status()).isZero();
        Run audit = run("audit", "--data", dir.resolve("provider-eval.csv").toString(), "--task", "multiclass", "--label", "said",
                "--prediction", "recognised", "--group", "accent", "--bootstrap", "0", "--json", dir.resolve("provider.json").toString());
        assertThat(audit.status()).as(audit.err()).isZero();
        Run cand = run("audit", "--data", dir.resolve("imaging-floor.csv").toString(), "--task", "multiclass", "--label", "said",
                "--prediction", "recognised", "--group", "accent", "--bootstrap", "0", "--json", dir.resolve("imaging.json").toString());
        assertThat(cand.status()).as(cand.err()).isZero();
    }

    @Test
    void auditWithBaseline_differentialDegradation_exitsThreeAndWritesHtml() {
        Path html = dir.resolve("imaging.html");
        Run r = run("audit", "--data", dir.resolve("imaging-floor.csv").toString(), "--task", "multiclass", "--label", "said",
                "--prediction", "recognised", "--group", "accent", "--bootstrap", "0", "--baseline", dir.resolve("provider.json").toString(),
                "--fail-on", "differential", "--html", html.toString());
        assertThat(r.status()).isEqualTo(Rai4j.EXIT_GATE);
        assertThat(r.out()).contains("accent=scottish").contains("DIFFERENTIAL_DEGRADATION").contains("rai4j compare · error_rate");
        assertThat(r.err()).contains("rai4j: gate failed: --fail-on differential: accent=scottish DIFFERENTIAL_DEGRADATION");
        assertThat(html).exists();
    }

    @Test
    void compare_jsonToStdout_hasTheDocumentedShapeAndTextGoesToStderr() throws Exception {
        Run r = run("compare", "--baseline", dir.resolve("provider.json").toString(), "--candidate",
                dir.resolve("imaging.json").toString(), "--bootstrap", "500", "--json", "-", "--html", dir.resolve("cmp.html").toString());
        assertThat(r.status()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("schema").asText()).isEqualTo("rai4j.compare/1");
        JsonNode scottish = null;
        for (JsonNode s : root.get("slices")) {
            if ("scottish".equals(s.get("slice").path("accent").asText())) {
                scottish = s;
            }
        }
        assertThat(scottish).isNotNull();
        assertThat(scottish.get("flag").asText()).isEqualTo("DIFFERENTIAL_DEGRADATION");
        assertThat(scottish.get("differential").get("ci").size()).isEqualTo(2);
        assertThat(root.get("summary").get("flags").get("NEW_SLICE").asInt()).isEqualTo(1);
        assertThat(r.err()).contains("1 slice degrades differentially: accent=scottish");
        assertThat(dir.resolve("cmp.html")).exists();
    }

    @Test
    void compare_referenceSlice_isOrderInsensitiveAndUsed() {
        Run r = run("compare", "--baseline", dir.resolve("provider.json").toString(), "--candidate",
                dir.resolve("imaging.json").toString(), "--bootstrap", "200", "--reference", "accent=american");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("the change of accent=american");
    }

    @Test
    void compare_notAnAudit_exitsOneNamingTheField() throws Exception {
        Path bogus = dir.resolve("bogus.json");
        Files.writeString(bogus, "{\"schema\": \"something-else\"}");
        Run r = run("compare", "--baseline", bogus.toString(), "--candidate", dir.resolve("imaging.json").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).startsWith("rai4j: error: " + bogus + ": field /schema: expected \"rai4j.audit/1\"");
    }

    @Test
    void compare_badOptions_exitWithActionableMessages() {
        Run metric = run("compare", "--baseline", dir.resolve("provider.json").toString(), "--candidate",
                dir.resolve("imaging.json").toString(), "--metric", "selection_rate:bed_up");
        assertThat(metric.status()).isEqualTo(1);
        assertThat(metric.err()).contains("has no natural direction");
        Run ref = run("compare", "--baseline", dir.resolve("provider.json").toString(), "--candidate",
                dir.resolve("imaging.json").toString(), "--reference", "accent");
        assertThat(ref.err()).contains("--reference: expected COL=VALUE");
    }

    @Test
    void card_markdownAndHtml_areWritten_andBadExtensionIsRefused() throws Exception {
        Path yaml = dir.resolve("card.yaml");
        Files.writeString(yaml, "name: Bedside voice commands\nintended_uses: [hands-free ward requests]\n");
        Run md = run("card", "--audit", dir.resolve("provider.json").toString(), "--card", yaml.toString(), "--out",
                dir.resolve("card.md").toString());
        assertThat(md.status()).as(md.err()).isZero();
        assertThat(Files.readString(dir.resolve("card.md"))).startsWith("# Service card: Bedside voice commands")
                .contains("--baseline provider.json");
        Run html = run("card", "--audit", dir.resolve("provider.json").toString(), "--out", dir.resolve("card.html").toString());
        assertThat(html.status()).isZero();
        Run txt = run("card", "--audit", dir.resolve("provider.json").toString(), "--out", dir.resolve("card.txt").toString());
        assertThat(txt.status()).isEqualTo(1);
        assertThat(txt.err()).contains("--out: expected a file name ending in .html, .htm or .md");
    }
}
