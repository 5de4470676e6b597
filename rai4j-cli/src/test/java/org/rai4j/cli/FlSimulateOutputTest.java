package org.rai4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fl simulate} and {@code bench fl} write through OutputFiles: the output is checked before the simulation runs. */
class FlSimulateOutputTest {
    @TempDir
    Path dir;

    @Test
    void simulate_jsonParentIsAFile_exitsOneBeforeTheSimulation() throws Exception {
        Files.writeString(dir.resolve("x"), "");
        CliRun r = CliRun.of("fl", "simulate", "--dataset", "synthetic:1,1", "--rounds", "2", "--clients", "6",
                "--clients-per-round", "3", "--json", dir.resolve("x/out.json").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("rai4j: error: cannot write out.json: its parent '" + dir.resolve("x") + "' is a file\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void simulate_jsonFile_isWrittenWhole() throws Exception {
        Path out = dir.resolve("out.json");
        CliRun r = CliRun.of("fl", "simulate", "--dataset", "synthetic:1,1", "--rounds", "2", "--clients", "6",
                "--clients-per-round", "3", "--json", out.toString());
        assertThat(r.status()).isZero();
        assertThat(Files.readString(out)).startsWith("{").contains("\"schema\" : \"rai4j.fl/1\"");
        assertThat(r.err()).contains("wrote " + out);
    }

    @Test
    void simulate_jsonIsTheCsvInput_refusedBeforeReadingAndInputUnchanged() throws Exception {
        Path data = dir.resolve("data.csv");
        Files.writeString(data, "x,y\n1,0\n2,1\n");
        CliRun r = CliRun.of("fl", "simulate", "--dataset", "csv:" + data, "--label", "y", "--json", data.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("rai4j: error: cannot write data.csv: it is the input given with --dataset; "
                + "choose another file for --json\n");
        assertThat(Files.readString(data)).isEqualTo("x,y\n1,0\n2,1\n");
    }
}
