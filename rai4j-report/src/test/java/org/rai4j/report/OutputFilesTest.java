package org.rai4j.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputFilesTest {
    @TempDir
    Path dir;

    @Test
    void commit_twoFiles_bothWrittenNoTemporaryLeft() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("sub/b.html");
        Files.writeString(a, "old");
        OutputFiles f = new OutputFiles();
        f.declare("--json", a);
        f.declare("--html", b);
        f.put(a, "{}\n");
        f.put(b, "<html>");
        f.commit();
        assertThat(Files.readString(a)).isEqualTo("{}\n");
        assertThat(Files.readString(b)).isEqualTo("<html>");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.json", "sub");
        }
    }

    @Test
    void commit_secondFileFails_noneWrittenAndOldContentKept() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("x/b.html");
        Files.writeString(a, "old");
        OutputFiles f = new OutputFiles();
        f.declare("--json", a);
        f.declare("--html", b);
        f.put(a, "new");
        f.put(b, "<html>");
        Files.writeString(dir.resolve("x"), "a file where the folder should be");
        assertThatThrownBy(f::commit).isInstanceOf(OutputFileException.class)
                .hasMessageStartingWith("cannot write b.html: cannot create its folder")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(".rai4j-").doesNotContain("Exception"));
        assertThat(Files.readString(a)).isEqualTo("old");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.json", "x");
        }
    }

    @Test
    void declare_parentIsAFile_namesFileAndParent() throws Exception {
        Files.writeString(dir.resolve("x"), "");
        Path target = dir.resolve("x/report.html");
        assertThatThrownBy(() -> new OutputFiles().declare("--html", target)).isInstanceOf(OutputFileException.class)
                .hasMessage("cannot write report.html: its parent '" + dir.resolve("x") + "' is a file");
    }

    @Test
    void declare_ancestorIsAFile_namesIt() throws Exception {
        Files.writeString(dir.resolve("x"), "");
        Path target = dir.resolve("x/y/report.html");
        assertThatThrownBy(() -> new OutputFiles().declare("--html", target)).isInstanceOf(OutputFileException.class)
                .hasMessage("cannot write report.html: its folder '" + dir.resolve("x/y") + "' cannot be created because '"
                        + dir.resolve("x") + "' is a file");
    }

    @Test
    void declare_directory_refused() throws Exception {
        Files.createDirectory(dir.resolve("out.json"));
        assertThatThrownBy(() -> new OutputFiles().declare("--json", dir.resolve("out.json")))
                .hasMessage("cannot write out.json: '" + dir.resolve("out.json") + "' is a directory");
    }

    @Test
    void declare_sameAsInputThroughAnotherSpellingOrLink_refused() throws Exception {
        Path data = dir.resolve("data.csv");
        Files.writeString(data, "a\n1\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), data);
        OutputFiles f = new OutputFiles().input("--data", data);
        String msg = "cannot write %s: it is the input given with --data; choose another file for --json";
        assertThatThrownBy(() -> f.declare("--json", dir.resolve("sub/../data.csv"))).hasMessage(msg.formatted("data.csv"));
        assertThatThrownBy(() -> f.declare("--json", link)).hasMessage(msg.formatted("link.csv"));
        assertThat(Files.readString(data)).isEqualTo("a\n1\n");
    }

    @Test
    void declare_twiceTheSameFile_refused() throws Exception {
        OutputFiles f = new OutputFiles();
        f.declare("--json", dir.resolve("a.out"));
        assertThatThrownBy(() -> f.declare("--html", dir.resolve("./a.out")))
                .hasMessage("cannot write a.out for --html: --json writes the same file; give them different names");
    }

    @Test
    void declare_readOnlyFolder_refused() throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE));
        try {
            if (Files.isWritable(ro)) {
                return; // running as root: permissions do not apply, nothing to check
            }
            assertThatThrownBy(() -> new OutputFiles().declare("--json", ro.resolve("a.json")))
                    .hasMessage("cannot write a.json: its folder '" + ro + "' is not writable");
        } finally {
            Files.setPosixFilePermissions(ro, Set.of(PosixFilePermission.values()));
        }
    }

    @Test
    void commit_permissions_areThoseOfAnyNewFileUnderTheUmask() throws Exception {
        Path reference = Files.createFile(dir.resolve("reference"));
        Path out = dir.resolve("out.json");
        OutputFiles.write("--json", out, "{}");
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(reference))
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void put_undeclared_isAProgrammingError() {
        assertThatThrownBy(() -> new OutputFiles().put(dir.resolve("a"), "x")).isInstanceOf(IllegalStateException.class);
    }
}
