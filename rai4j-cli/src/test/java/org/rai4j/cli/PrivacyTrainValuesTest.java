package org.rai4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 3: in {@code privacy train} one NaN turned a numeric column categorical (22 → 322 features)
 * and one 1e308 broke the model silently. Both are now errors naming file, line and column, exit 1.
 */
class PrivacyTrainValuesTest {
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

    /** 300 rows x1,x2,label; the cells given replace x1 at those 0-based rows. */
    private Path data(String name, int[] rows, String[] cells) throws IOException {
        SplittableRandom rng = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 300; i++) {
            int y = rng.nextInt(2);
            String x1 = String.format("%.4f", (y == 1 ? 1.5 : 0) + rng.nextGaussian());
            for (int k = 0; k < rows.length; k++) {
                if (rows[k] == i) {
                    x1 = cells[k];
                }
            }
            sb.append(x1).append(',').append(String.format("%.4f", rng.nextGaussian())).append(",c").append(y).append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb);
        return p;
    }

    @Test
    void train_nanAndInfinitySpellingsInANumericColumn_areErrorsNamingEachLine() throws IOException {
        Path p = data("nan.csv", new int[] {36, 200}, new String[] {"NaN", "-Infinity"});
        Run r = run("privacy", "train", "--data", p.toString(), "--label", "label", "--model", "logistic", "--no-dp");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("rai4j: error: " + p + ":38: column 'x1': expected a finite number, got 'NaN' (the "
                + "column's other values are numbers; leave the cell empty for a missing value)\n"
                + "rai4j: error: " + p + ":202: column 'x1': expected a finite number, got '-Infinity' (the column's "
                + "other values are numbers; leave the cell empty for a missing value)\n");
    }

    @Test
    void train_absurdlyLargeValue_isAnErrorNamingTheLine() throws IOException {
        Path p = data("huge.csv", new int[] {10}, new String[] {"1e308"});
        Run r = run("privacy", "train", "--data", p.toString(), "--label", "label", "--model", "logistic", "--no-dp");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("rai4j: error: " + p + ":12: column 'x1': expected a finite number with |x| <= 1e150, "
                + "got 1e308 (values this large cannot be standardised; rescale the column, e.g. take its logarithm)\n");
    }

    @Test
    void train_emptyCellsStayMissingValues_andTheColumnStaysNumeric() throws IOException {
        Path p = data("gaps.csv", new int[] {5, 6}, new String[] {"", ""});
        Run r = run("privacy", "train", "--data", p.toString(), "--label", "label", "--model", "logistic", "--no-dp",
                "--json", "-");
        assertThat(r.status()).as(r.err()).isZero();
        // x1 (shifted by 1.5 for class c1) stays one numeric feature: held-out accuracy ≈ 0.77 (Bayes). Had the
        // column become categorical (300 one-off levels), x1 would carry nothing for unseen rows and the
        // accuracy would fall to about 0.5.
        double accuracy = Double.parseDouble(r.out().replaceAll("(?s).*\"accuracy\":([0-9.]+).*", "$1"));
        assertThat(accuracy).isGreaterThan(0.7);
    }
}
