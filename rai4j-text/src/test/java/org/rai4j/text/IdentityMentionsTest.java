package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.core.DataFileException;

class IdentityMentionsTest {

    @Test
    void groups_oneTermMultipleOrNone_wholeWordsCaseInsensitive() {
        String[] texts = {"I am a gay man", "Muslim and gay", "the Muslim neighbour", "a gaylord? no", "", "GAY!"};
        assertThat(IdentityMentions.groups(texts, List.of("gay", "muslim")))
                .containsExactly("gay", "multiple", "muslim", "none", "none", "gay");
    }

    @Test
    void run_addsTheGroupAndPredictionColumns_copyingTheRestAsWritten(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "id,comment,toxic,score\n1,\"I am gay, and proud\",0,0.70\n2,i am straight,0,0.2\n"
                + "3,straight and gay,1,0.5\n4,hello,1,0.49\n");
        Path terms = dir.resolve("t.txt");
        Files.writeString(terms, "# terms\ngay\nstraight\n");
        IdentityMentions.Result r = IdentityMentions.run(csv, "comment", terms, "identity", "score", 0.5);
        assertThat(r.csv()).isEqualTo("id,comment,toxic,score,identity,predicted\n"
                + "1,\"I am gay, and proud\",0,0.70,gay,1\n2,i am straight,0,0.2,straight,0\n"
                + "3,straight and gay,1,0.5,multiple,1\n4,hello,1,0.49,none,0\n");
        assertThat(r.counts()).containsExactly(java.util.Map.entry("gay", 1), java.util.Map.entry("straight", 1),
                java.util.Map.entry("multiple", 1), java.util.Map.entry("none", 1));
        assertThat(r.rows()).isEqualTo(4);
        IdentityMentions.Result noScore = IdentityMentions.run(csv, "comment", terms, "who", null, Double.NaN);
        assertThat(noScore.csv()).startsWith("id,comment,toxic,score,who\n1,\"I am gay, and proud\",0,0.70,gay\n");
        assertThat(noScore.threshold()).isNaN();
    }

    @Test
    void run_badInput_namesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "comment,score,identity\ngay,0.1,x\nstraight,high,y\n");
        Path terms = dir.resolve("t.txt");
        Files.writeString(terms, "gay\n");
        assertThatThrownBy(() -> IdentityMentions.run(csv, "comment", terms, "identity", null, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c.csv")
                .hasMessageContaining("already has a column 'identity'");
        assertThatThrownBy(() -> IdentityMentions.run(csv, "comment", terms, "group", "score", 0.5))
                .isInstanceOf(DataFileException.class).hasMessageContaining("c.csv:3")
                .hasMessageContaining("score").hasMessageContaining("expected a finite number, got 'high'");
        Files.writeString(terms, "gay\nnone\n");
        assertThatThrownBy(() -> IdentityMentions.run(csv, "comment", terms, "group", null, Double.NaN))
                .hasMessageContaining("t.txt").hasMessageContaining("reserved group name");
    }
}
