package org.rai4j.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.rai4j.testkit.SharedData;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example transcript in docs/*.md is re-run and compared with the page (see {@link DocsCheck} and
 * docs/README.md for the markers). Regenerate a page's outputs with {@code -Ddocs.update=true}.
 */
class DocsExamplesTest {
    @TestFactory
    Stream<DynamicTest> docsPages_everyTranscript_matchesTheProgram() throws Exception {
        Path root = DocsCheck.repositoryRoot();
        boolean update = Boolean.getBoolean("docs.update");
        String only = System.getProperty("docs.page", "");
        List<Path> pages;
        try (Stream<Path> s = Files.list(root.resolve("docs"))) {
            pages = s.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> only.isEmpty() || java.util.Arrays.asList(only.split(",")).contains(p.getFileName().toString()))
                    .sorted().toList();
        }
        assertThat(pages).as("docs pages").isNotEmpty();
        return pages.stream().map(page -> DynamicTest.dynamicTest(page.getFileName().toString(), () -> {
            if (Files.readString(page).contains(DocsCheck.SHARED_DATA + "/")) {
                SharedData.require("."); // real datasets: skipped on a user's machine, required in CI
            }
            List<String> problems = new DocsCheck(root, page, update).run();
            assertThat(problems).as("docs transcripts that disagree with the program:\n" + String.join("\n", problems))
                    .isEmpty();
        }));
    }

    @Test
    void matches_skipLine_matchesAnyRunButNotAWrongLine() {
        assertThat(DocsCheck.matches(List.of("a", "[...]", "d"), List.of("a", "b", "c", "d"))).isTrue();
        assertThat(DocsCheck.matches(List.of("a", "[...]", "d"), List.of("a", "d"))).isTrue();
        assertThat(DocsCheck.matches(List.of("a", "[...]", "d"), List.of("a", "b", "c", "e"))).isFalse();
        assertThat(DocsCheck.matches(List.of("a", "b"), List.of("a", "b", "c"))).isFalse();
        assertThat(DocsCheck.matches(List.of("a", "b"), List.of("a", "x"))).isFalse();
    }

    @Test
    void check_wrongOutputOrUnmarkedTranscript_isReported() throws Exception {
        Path dir = Files.createTempDirectory("docs-check-test");
        Path page = dir.resolve("page.md");
        Files.writeString(page, String.join("\n",
                "<!-- docs:setup",
                "printf 'x\\n' > f.txt",
                "-->",
                "<!-- docs:run -->",
                "```",
                "$ cat f.txt",
                "x",
                "$ echo hello",
                "goodbye",
                "```",
                "```",
                "$ echo unmarked",
                "```",
                ""));
        List<String> problems = new DocsCheck(dir, page, false).run();
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("page.md:8: output of `echo hello` differs")
                .contains("page:    goodbye").contains("program: hello");
        assertThat(problems.get(1)).startsWith("page.md:12: a transcript");
        new DocsCheck(dir, page, true).run();
        assertThat(Files.readString(page)).contains("$ echo hello\nhello\n```");
        assertThat(new DocsCheck(dir, page, false).run()).hasSize(1);
    }
}
