package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordListsTest {
    @Test
    void weatWordLists_haveThePublishedSizes() {
        for (WeatWordLists t : WeatWordLists.values()) {
            int n = t == WeatWordLists.WEAT1 || t == WeatWordLists.WEAT2 ? 25 : 8;
            assertThat(t.x()).hasSize(n);
            assertThat(t.y()).hasSize(n);
            assertThat(t.a()).hasSize(t == WeatWordLists.WEAT6 || t.ordinal() > 2 ? 8 : 25);
            assertThat(t.b()).hasSize(t.a().size());
        }
        assertThat(WeatWordLists.WEAT1.x()).startsWith("aster", "clover").endsWith("zinnia");
        assertThat(WeatWordLists.WEAT8.x()).contains("Einstein", "NASA");
        assertThat(WeatWordLists.WEAT6.publishedEffectSize()).isEqualTo(1.81);
    }

    @Test
    void parse_duplicateWord_namesBothLines() {
        assertThatThrownBy(() -> WordLists.parse(new StringReader("# c\nhe\nshe\n\nhe\n"), "t.txt"))
                .hasMessage("t.txt:5: 'he' is listed twice (first on line 2)");
        assertThatThrownBy(() -> WordLists.parse(new StringReader("# only a comment\n"), "t.txt"))
                .hasMessage("t.txt: the list holds no word");
    }

    @Test
    void wordVectors_readsWord2vecAndGloveText_andNamesBadLines(@TempDir Path dir) throws Exception {
        Path w2v = dir.resolve("v.txt");
        Files.writeString(w2v, "2 3\nhe 1 0 0\nshe 0 1 0.5\n");
        WordVectors v = WordVectors.read(w2v, null);
        assertThat(v.dimension()).isEqualTo(3);
        assertThat(v.vectors(java.util.List.of("she"), "A").get(0)).containsExactly(0, 1, 0.5);
        Path glove = dir.resolve("g.txt");
        Files.writeString(glove, "the 0.1 0.2\nof 0.3 0.4\nand 0.5 0.6\n");
        WordVectors g = WordVectors.read(glove, Set.of("of"));
        assertThat(g.size()).isEqualTo(1);
        assertThatThrownBy(() -> g.vectors(java.util.List.of("of", "zebra", "the"), "targets X"))
                .hasMessage("targets X: no vector for 2 of 3 words: zebra, the");
        Files.writeString(glove, "the 0.1 0.2\nof 0.3\n");
        assertThatThrownBy(() -> WordVectors.read(glove, null)).hasMessageEndingWith("g.txt:2: word 'of' has 1 components, expected 2");
        Files.writeString(glove, "the 0.1 x2\n");
        assertThatThrownBy(() -> WordVectors.read(glove, null))
                .hasMessageEndingWith("g.txt:1: word 'the' component 2: expected a number, got 'x2'");
    }
}
