package org.rai4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16 item 4 where the user meets it: outputs checked before the work, never over an input, all or none. */
class OutputFilesCommandTest {
    @TempDir
    Path dir;

    private Path data() throws Exception {
        Path p = dir.resolve("data.csv");
        Files.writeString(p, AuditCommandTest.goodCsv());
        return p;
    }

    private CliRun audit(String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("audit", "--data", data().toString(), "--label", "y_true",
                "--prediction", "y_pred", "--group", "sex", "--bootstrap", "20"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void audit_htmlParentIsAFile_exitsOneBeforeTheWorkAndWritesNothing() throws Exception {
        Files.writeString(dir.resolve("x"), "");
        CliRun r = audit("--json", dir.resolve("a.json").toString(), "--html", dir.resolve("x/report.html").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("rai4j: error: cannot write report.html: its parent '" + dir.resolve("x") + "' is a file\n");
        assertThat(r.out()).isEmpty();
        assertThat(files()).containsExactly("data.csv", "x");
    }

    @Test
    void audit_jsonIsTheInput_refusedAndInputUnchanged() throws Exception {
        String before = AuditCommandTest.goodCsv();
        CliRun r = audit("--json", dir.resolve("./data.csv").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("rai4j: error: cannot write data.csv: it is the input given with --data; "
                + "choose another file for --json\n");
        assertThat(Files.readString(dir.resolve("data.csv"))).isEqualTo(before);
    }

    @Test
    void audit_jsonAndHtmlSameFile_refused() throws Exception {
        Path a = dir.resolve("a.out");
        CliRun r = audit("--json", a.toString(), "--html", a.toString());
        assertThat(r.err()).isEqualTo("rai4j: error: cannot write a.out for --html: --json writes the same file; "
                + "give them different names\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void audit_outputIsADirectory_refused() throws Exception {
        Files.createDirectory(dir.resolve("out.json"));
        CliRun r = audit("--json", dir.resolve("out.json").toString());
        assertThat(r.err()).isEqualTo("rai4j: error: cannot write out.json: '" + dir.resolve("out.json") + "' is a directory\n");
    }

    @Test
    void audit_outputs_haveTheUmaskPermissionsOfAnyNewFile() throws Exception {
        Path reference = Files.createFile(dir.resolve("reference"));
        CliRun r = audit("--json", dir.resolve("a.json").toString(), "--html", dir.resolve("new/a.html").toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).endsWith("\nwrote " + dir.resolve("a.json") + "\nwrote " + dir.resolve("new/a.html") + "\n");
        for (Path p : List.of(dir.resolve("a.json"), dir.resolve("new/a.html"))) {
            assertThat(Files.getPosixFilePermissions(p)).as(p.toString())
                    .isEqualTo(Files.getPosixFilePermissions(reference)).contains(PosixFilePermission.OWNER_READ);
        }
        assertThat(files()).containsExactly("a.json", "data.csv", "new", "reference");
    }

    @Test
    void compare_jsonIsTheBaseline_refused() throws Exception {
        Path base = dir.resolve("base.json");
        assertThat(audit("--json", base.toString()).status()).isZero();
        String before = Files.readString(base);
        CliRun r = CliRun.of("compare", "--baseline", base.toString(), "--candidate", base.toString(), "--json", base.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("rai4j: error: cannot write base.json: it is the input given with --baseline; "
                + "choose another file for --json\n");
        assertThat(Files.readString(base)).isEqualTo(before);
    }

    @Test
    void coverageAndCardAndHunt_outputOverInput_refused() throws Exception {
        Path csv = data();
        CliRun cov = CliRun.of("coverage", "--data", csv.toString(), "--dimension", "sex", "--json", csv.toString());
        assertThat(cov.err()).isEqualTo("rai4j: error: cannot write data.csv: it is the input given with --data; "
                + "choose another file for --json\n");
        Files.createDirectory(dir.resolve("card.md"));
        Path base = dir.resolve("base.json");
        assertThat(audit("--json", base.toString()).status()).isZero();
        CliRun card = CliRun.of("card", "--audit", base.toString(), "--out", dir.resolve("card.md").toString());
        assertThat(card.err()).isEqualTo("rai4j: error: cannot write card.md: '" + dir.resolve("card.md") + "' is a directory\n");
        CliRun hunt = CliRun.of("bounty", "hunt", "--train", csv.toString(), "--label", "y_true", "--base", "constant:0",
                "--output", csv.toString());
        assertThat(hunt.err()).isEqualTo("rai4j: error: cannot write data.csv: it is the input given with --train; "
                + "choose another file for --output\n");
        assertThat(Files.readString(csv)).isEqualTo(AuditCommandTest.goodCsv());
    }

    @Test
    void privacyEpsilon_jsonParentIsAFile_exitsOne() throws Exception {
        Files.writeString(dir.resolve("x"), "");
        CliRun r = CliRun.of("privacy", "epsilon", "--sample-rate", "0.01", "--noise-multiplier", "1", "--steps", "10",
                "--delta", "1e-5", "--json", dir.resolve("x/eps.jsonl").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("rai4j: error: cannot write eps.jsonl: its parent '" + dir.resolve("x") + "' is a file\n");
        assertThat(r.out()).isEmpty();
    }
}
