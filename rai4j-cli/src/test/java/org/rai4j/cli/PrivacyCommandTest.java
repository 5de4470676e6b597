package org.rai4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PrivacyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Rai4j.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void epsilon_opacusSetting_printsJsonWithExactKeys() throws IOException {
        Run r = run("privacy", "epsilon", "--sample-rate", "0.04", "--noise-multiplier", "1.5", "--steps", "2250",
                "--delta", "1e-5", "--json", "-");
        assertThat(r.status()).isZero();
        JsonNode o = JSON.readTree(r.out());
        assertThat(o.fieldNames()).toIterable().containsExactly("accountant", "epsilon", "optimal_order");
        assertThat(o.get("accountant").asText()).isEqualTo("rdp");
        assertThat(o.get("epsilon").asDouble()).isCloseTo(7.32911117143, within(5e-8));
        assertThat(o.get("optimal_order").asDouble()).isEqualTo(3.9);
    }

    @Test
    void epsilon_prvAccountant_hasNoOptimalOrder() throws IOException {
        Run r = run("privacy", "epsilon", "--sample-rate", "0.001", "--noise-multiplier", "2", "--steps", "100",
                "--delta", "1e-6", "--accountant", "prv", "--json", "-");
        JsonNode o = JSON.readTree(r.out());
        assertThat(o.fieldNames()).toIterable().containsExactly("accountant", "epsilon");
        // opacus/tests/prv_accountant.py (Microsoft reference): 0.0291045369484
        assertThat(o.get("epsilon").asDouble()).isCloseTo(0.0291045369484, within(5e-6));
    }

    @Test
    void noise_opacusSetting_printsJsonWithExactKeys() throws IOException {
        Run r = run("privacy", "noise", "--target-epsilon", "8", "--delta", "1e-5", "--sample-rate", "0.04",
                "--steps", "2250", "--json", "-");
        assertThat(r.status()).isZero();
        JsonNode o = JSON.readTree(r.out());
        assertThat(o.fieldNames()).toIterable().containsExactly("noise_multiplier", "epsilon");
        assertThat(o.get("noise_multiplier").asDouble()).isEqualTo(1.416015625);
        assertThat(o.get("epsilon").asDouble()).isLessThanOrEqualTo(8).isGreaterThan(7.99);
    }

    @Test
    void epsilon_batch_printsOneObjectPerRowInOrder() throws IOException {
        Path csv = dir.resolve("settings.csv");
        Files.writeString(csv, "sample_rate,noise_multiplier,steps,delta,accountant\n"
                + "0.04,1.5,2250,1e-5,\n"
                + "0.001,2.0,100,1e-6,prv\n"
                + "0.04,1.5,2249,1e-5,gdp\n");
        Run r = run("privacy", "epsilon", "--batch", csv.toString(), "--json", "-");
        assertThat(r.status()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines[0]).get("epsilon").asDouble()).isCloseTo(7.32911117143, within(5e-8));
        assertThat(JSON.readTree(lines[1]).get("accountant").asText()).isEqualTo("prv");
        assertThat(JSON.readTree(lines[2]).get("epsilon").asDouble()).isBetween(6.59, 6.6);
        assertThat(r.err()).contains("GDP is a central-limit approximation");
    }

    @Test
    void noise_batchToFile_writesTheFileAndNothingToStdout() throws IOException {
        Path csv = dir.resolve("targets.csv");
        Files.writeString(csv, "target_epsilon,delta,sample_rate,steps\n8,1e-5,0.04,2250\n8,1e-5,0.04,2000\n");
        Path out = dir.resolve("out.jsonl");
        Run r = run("privacy", "noise", "--batch", csv.toString(), "--json", out.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        String[] lines = Files.readString(out).split("\n");
        assertThat(JSON.readTree(lines[0]).get("noise_multiplier").asDouble()).isEqualTo(1.416015625);
        assertThat(JSON.readTree(lines[1]).get("noise_multiplier").asDouble()).isCloseTo(1.3562, within(5e-5));
        assertThat(Files.list(dir)).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void epsilon_schedule_composesSegments() throws IOException {
        Path csv = dir.resolve("schedule.csv");
        Files.writeString(csv, "noise_multiplier,sample_rate,steps\n1.5,0.04,1000\n1.5,0.04,1250\n");
        Run r = run("privacy", "epsilon", "--schedule", csv.toString(), "--delta", "1e-5", "--json", "-");
        assertThat(JSON.readTree(r.out()).get("epsilon").asDouble()).isCloseTo(7.32911117143, within(1e-9));
    }

    @Test
    void epsilon_badBatchRows_reportsEveryProblemWithLineAndExitsOne() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "sample_rate,noise_multiplier,steps,delta\n0.1,1,10,1e-5\n1.5,x,10,0\n0.1,1,2.5,1e-5\n");
        Run r = run("privacy", "epsilon", "--batch", csv.toString(), "--json", "-");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("bad.csv:3: column 'sample_rate': expected a number in [0, 1], got '1.5'")
                .contains("bad.csv:3: column 'noise_multiplier'")
                .contains("bad.csv:3: column 'delta': expected a number in (0, 1), got '0'")
                .contains("bad.csv:4: column 'steps': expected a whole number >= 0, got '2.5'");
    }

    @Test
    void epsilon_missingHeaderColumn_namesTheMissingColumn() throws IOException {
        Path csv = dir.resolve("short.csv");
        Files.writeString(csv, "sample_rate,steps,delta\n0.1,10,1e-5\n");
        Run r = run("privacy", "epsilon", "--batch", csv.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("missing noise_multiplier");
    }

    @Test
    void noise_impossibleBudget_exitsOneWithMessage() {
        Run r = run("privacy", "noise", "--target-epsilon", "1e-9", "--delta", "1e-5", "--sample-rate", "1",
                "--steps", "1000000");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("privacy budget is too low");
    }

    @Test
    void epsilon_missingOptions_explainsWhatIsNeeded() {
        Run r = run("privacy", "epsilon", "--delta", "1e-5");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("need --sample-rate, --noise-multiplier and --steps");
    }
}
