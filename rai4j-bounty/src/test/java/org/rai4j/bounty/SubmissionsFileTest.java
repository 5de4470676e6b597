package org.rai4j.bounty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Table;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rai4j.bounty.Fixtures.config;
import static org.rai4j.bounty.Fixtures.engine;
import static org.rai4j.bounty.Fixtures.table;

/**
 * The submissions reader and the confinement of submitted ONNX paths (issue 16 item 1): attacker paths are
 * refused with one message whether or not the target exists, devices and pipes are never opened, and the run
 * goes on with the next submission.
 */
class SubmissionsFileTest {
    private static final Table HOLDOUT = table("holdout", 100, i -> i < 20);

    @TempDir
    Path dir;

    private Path subs(String... lines) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("hunter"));
        Path p = folder.resolve("subs.jsonl");
        Files.write(p, List.of(lines));
        return p;
    }

    private static String onnxModel(String path) {
        return "{\"id\":\"x\",\"team\":\"t\",\"group\":\"a < 20\",\"model\":{\"onnx\":\"" + path.replace("\\", "\\\\") + "\"}}";
    }

    private Decision submitFirst(Path file) throws Exception {
        BountyEngine e = engine(HOLDOUT, config("0.01", "0", 1, "0"));
        List<SubmissionsFile.Line> lines = SubmissionsFile.read(file);
        Decision d = e.submit(lines.get(0).submission());
        // The run goes on: a valid submission after the refused one is verified normally.
        assertThat(e.submit(new Submission("next", "t", new GroupSpec.Predicate("a < 20"), new ModelSpec.Constant("1"))).accepted())
                .isTrue();
        return d;
    }

    private String notInside(Path file, String given) {
        return "field 'model': the ONNX path '" + file.getParent().resolve(given).normalize() + "' does not name a file inside the "
                + "submission's folder " + file.getParent() + "; artefacts must be files in that folder";
    }

    @Test
    void onnxPath_parentTraversal_refusedSameMessageWhetherOrNotTargetExists() throws Exception {
        Files.writeString(dir.resolve("secret.onnx"), "exists");
        Path f = subs(onnxModel("../secret.onnx"));
        Decision exists = submitFirst(f);
        assertThat(exists.reason()).isEqualTo(Reason.INVALID_MODEL);
        assertThat(exists.detail()).isEqualTo(notInside(f, "../secret.onnx"));
        Path g = subs(onnxModel("../missing.onnx"));
        Decision missing = submitFirst(g);
        assertThat(missing.detail()).isEqualTo(notInside(g, "../missing.onnx"));
        Decision passwd = submitFirst(subs(onnxModel("../../../../../../../../etc/passwd")));
        assertThat(passwd.detail()).startsWith("field 'model': the ONNX path '/etc/passwd' does not name a file inside");
        Decision nope = submitFirst(subs(onnxModel("../../../../../../../../etc/no-such-file")));
        assertThat(nope.detail()).startsWith("field 'model': the ONNX path '/etc/no-such-file' does not name a file inside");
        assertThat(exists.hunterView().reason()).isEqualTo(HunterReason.INVALID_MODEL);
    }

    @Test
    void onnxPath_absolute_refused() throws Exception {
        Decision d = submitFirst(subs(onnxModel("/etc/passwd")));
        assertThat(d.detail()).startsWith("field 'model': the ONNX path '/etc/passwd' does not name a file inside the submission's folder");
    }

    @Test
    void onnxPath_symlinkEscapingTheFolder_refusedLikeAnOutsidePath() throws Exception {
        Path f = subs(onnxModel("link.onnx"), onnxModel("dangling.onnx").replace("\"id\":\"x\"", "\"id\":\"y\""));
        Files.writeString(dir.resolve("outside.onnx"), "x");
        Files.createSymbolicLink(f.getParent().resolve("link.onnx"), dir.resolve("outside.onnx"));
        Files.createSymbolicLink(f.getParent().resolve("dangling.onnx"), dir.resolve("nothing-here.onnx"));
        Decision d = submitFirst(f);
        assertThat(d.detail()).isEqualTo(notInside(f, "link.onnx"));
        BountyEngine e = engine(HOLDOUT, config("0.01", "0", 1, "0"));
        assertThat(e.submit(SubmissionsFile.read(f).get(1).submission()).detail()).isEqualTo(notInside(f, "dangling.onnx"));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void onnxPath_deviceViaSymlink_refusedWithoutReading() throws Exception {
        Path f = subs(onnxModel("zero.onnx"));
        Files.createSymbolicLink(f.getParent().resolve("zero.onnx"), Path.of("/dev/zero"));
        assertThat(submitFirst(f).detail()).isEqualTo(notInside(f, "zero.onnx"));
        assertThat(submitFirst(subs(onnxModel("/dev/zero"))).detail()).startsWith("field 'model': the ONNX path '/dev/zero' does not");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void onnxPath_fifoInsideTheFolder_refusedWithoutOpeningIt() throws Exception {
        Path f = subs(onnxModel("pipe.onnx"));
        Path fifo = f.getParent().resolve("pipe.onnx");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(p.waitFor()).isZero();
        Decision d = submitFirst(f);
        assertThat(d.detail()).isEqualTo("field 'model': " + fifo + ": expected a regular ONNX file (not a directory, device or pipe)");
    }

    @Test
    void onnxFile_tooLarge_refusedBeforeReading() throws Exception {
        Path f = subs(onnxModel("big.onnx"));
        try (var ch = Files.newByteChannel(f.getParent().resolve("big.onnx"), java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.position(17L << 20).write(java.nio.ByteBuffer.wrap(new byte[] {1})); // sparse: 17 MiB + 1 byte
        }
        assertThat(submitFirst(f).detail()).isEqualTo("field 'model': " + f.getParent().resolve("big.onnx") + ": the model has "
                + ((17L << 20) + 1) + " bytes; at most " + (16L << 20) + " are accepted");
    }

    @Test
    void read_byteOrderMark_accepted() throws Exception {
        Path f = dir.resolve("bom.jsonl");
        Files.write(f, ("\uFEFF{\"id\":\"s1\",\"team\":\"t\",\"group\":\"a < 20\",\"model\":{\"constant\":1}}\n").getBytes(StandardCharsets.UTF_8));
        List<SubmissionsFile.Line> lines = SubmissionsFile.read(f);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).submission().id()).isEqualTo("s1");
        assertThat(lines.get(0).submission().model()).isEqualTo(new ModelSpec.Constant("1"));
    }

    @Test
    void read_structuralErrors_nameFileLineAndField() throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "# comment\n\n{\"id\":\"s1\",\"team\":\"t\",\"group\":\"a < 20\",\"model\":{\"constant\":1}}\n{\"id\":\"s1\"");
        assertThatThrownBy(() -> SubmissionsFile.read(f)).isInstanceOf(DataFileException.class)
                .hasMessage(f + ":4: expected one JSON object per line: malformed JSON at character 11: expected '}'");
        Files.writeString(f, "{\"id\":\"s1\",\"team\":\"t\",\"group\":\"a < 20\",\"model\":{\"constant\":1}}\n"
                + "{\"id\":\"s1\",\"team\":\"t\",\"group\":\"a < 20\",\"model\":{\"constant\":1}}\n");
        assertThatThrownBy(() -> SubmissionsFile.read(f))
                .hasMessage(f + ":2: field 'id': 's1' was already used by an earlier line; ids must be unique");
        Files.writeString(f, "{\"id\":\"s1\",\"team\":\"t\",\"group\":\"a < 20\",\"model\":{\"tree\":1}}\n");
        assertThatThrownBy(() -> SubmissionsFile.read(f)).hasMessage(f + ":1: field 'model': expected {\"rule\": \"<predicate>\"}, "
                + "{\"constant\": v} or {\"onnx\": \"file.onnx\"}");
        Files.write(f, new byte[] {'{', (byte) 0xC3, '}', '\n'});
        assertThatThrownBy(() -> SubmissionsFile.read(f)).hasMessage(f + ":1: expected UTF-8 text, found an invalid byte sequence");
        assertThatThrownBy(() -> SubmissionsFile.read(dir.resolve("none.jsonl")))
                .hasMessage(dir.resolve("none.jsonl") + ": expected a submissions file (JSON lines), but it does not exist");
        Files.writeString(f, "[".repeat(5000));
        assertThatThrownBy(() -> SubmissionsFile.read(f)).hasMessageContaining("nested deeper than 100 levels");
    }

    /**
     * An invalid byte far into a large file is found in one pass and named by its line (the line search
     * once decoded every prefix: quadratic, hours for a file of a few MiB). The timeout only guards a hang.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void read_invalidUtf8DeepInALargeFile_namesTheLineInOnePass() throws Exception {
        Path f = dir.resolve("large.jsonl");
        String line = "# " + "x".repeat(1022) + "\n";
        byte[] text = line.repeat(4096).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(text, text.length + 2);
        bytes[text.length] = (byte) 0xC3;
        bytes[text.length + 1] = '\n';
        Files.write(f, bytes);
        assertThatThrownBy(() -> SubmissionsFile.read(f)).hasMessage(f + ":4097: expected UTF-8 text, found an invalid byte sequence");
    }

    /**
     * The fuzz target reads bytes ({@link SubmissionsFile#read(byte[], String, Path)}); the CLI reads a file. On every
     * committed fuzz corpus input both give equal submissions or the same message.
     */
    @Test
    void read_fileAndBytes_agreeOnTheFuzzCorpus() throws Exception {
        Path corpus = Path.of(SubmissionsFileTest.class.getResource(
                "SubmissionsFileFuzzTestInputs/read_anyBytes_submissionsOrDataFileException").toURI());
        List<Path> inputs;
        try (var s = Files.list(corpus)) {
            inputs = s.sorted().toList();
        }
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(5);
        Path file = Files.createDirectories(dir.resolve("hunter")).resolve("subs.jsonl");
        int read = 0;
        for (Path input : inputs) {
            byte[] bytes = Files.readAllBytes(input);
            Files.write(file, bytes);
            Object fromFile = outcome(() -> SubmissionsFile.read(file));
            Object fromBytes = outcome(() -> SubmissionsFile.read(bytes, file.toString(), file.getParent()));
            assertThat(fromBytes).as(input.getFileName().toString()).isEqualTo(fromFile);
            read += fromFile instanceof List<?> ? 1 : 0;
        }
        assertThat(read).as("corpus inputs that read as submissions").isPositive();
    }

    private static Object outcome(java.util.concurrent.Callable<List<SubmissionsFile.Line>> read) throws Exception {
        try {
            return read.call();
        } catch (DataFileException e) {
            return e.getMessage();
        }
    }
}
