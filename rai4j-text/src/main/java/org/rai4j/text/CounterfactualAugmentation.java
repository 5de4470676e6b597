package org.rai4j.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.rai4j.core.Column;
import org.rai4j.core.CsvText;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Table;

/**
 * Counterfactual data augmentation of a text corpus with the {@link GenderSwap#english() English gender swap}
 * ({@code rai4j text augment}):
 * <ul>
 *   <li><b>CDA</b> (Lu et al. 2018, "Gender bias in neural natural language processing"): every row is kept, and a
 *       swapped copy of every row whose text the swap changes is appended after the original rows (the corpus grows
 *       by the number of gendered rows; both versions carry the same label);</li>
 *   <li><b>CDS</b> (Maudslay et al. 2019, "It's all in the name"): each row is replaced by its swap with probability
 *       ½ (one seeded coin per row, drawn for every row so the draws do not depend on the texts), so the corpus keeps
 *       its size.</li>
 * </ul>
 * A row is the unit (a whole text is swapped, so names and pronouns stay consistent within it). All other columns are
 * copied as written. Pure functions; thread-safe.
 */
public final class CounterfactualAugmentation {
    private CounterfactualAugmentation() {}

    /** The augmentation method. */
    public enum Method {
        /** Counterfactual data augmentation: append swapped copies. */
        CDA,
        /** Counterfactual data substitution: swap each row with probability ½. */
        CDS;

        /** The method named {@code name} (cda or cds, any case). */
        public static Method parse(String name) {
            Preconditions.checkNotNull(name, "method");
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "cda" -> CDA;
                case "cds" -> CDS;
                default -> throw new IllegalArgumentException("the augmentation method must be cda or cds, got '" + name + "'");
            };
        }
    }

    /**
     * Which input row each output row comes from, and whether its text is swapped.
     *
     * @param source  for each output row, the 0-based input row
     * @param swapped for each output row, whether its text is the swap of the input text
     */
    public record Plan(int[] source, boolean[] swapped) {
        /** Copies the arrays. */
        public Plan {
            Preconditions.checkArgument(source.length == swapped.length, "source and swapped must have the same length");
            source = source.clone();
            swapped = swapped.clone();
        }

        @Override
        public int[] source() {
            return source.clone();
        }

        @Override
        public boolean[] swapped() {
            return swapped.clone();
        }

        /** The number of output rows. */
        public int size() {
            return source.length;
        }

        /** The number of output rows whose text is swapped. */
        public int swappedRows() {
            int n = 0;
            for (boolean s : swapped) {
                n += s ? 1 : 0;
            }
            return n;
        }

        /** The output texts. */
        public List<String> texts(List<String> texts, GenderSwap swap) {
            List<String> out = new ArrayList<>(source.length);
            for (int k = 0; k < source.length; k++) {
                String t = texts.get(source[k]);
                out.add(swapped[k] ? swap.swap(t) : t);
            }
            return out;
        }

        /** The output labels: each output row keeps its input row's label. */
        public int[] labels(int[] labels) {
            int[] out = new int[source.length];
            for (int k = 0; k < source.length; k++) {
                out[k] = labels[source[k]];
            }
            return out;
        }
    }

    /**
     * An augmented CSV file.
     *
     * @param source    the input file as given
     * @param method    the method
     * @param seed      the seed of CDS's coins (unused by CDA)
     * @param rowsIn    input rows
     * @param gendered  input rows whose text the swap changes
     * @param plan      the output rows
     * @param csv       the output file's content: the header, then the output rows, every other column as written
     */
    public record Augmented(String source, Method method, long seed, int rowsIn, int gendered, Plan plan, String csv) {
        /** Output rows. */
        public int rowsOut() {
            return plan.size();
        }
    }

    /** The plan for {@code texts}. */
    public static Plan plan(List<String> texts, Method method, long seed, GenderSwap swap) {
        Preconditions.checkNotNull(method, "method");
        int n = texts.size();
        List<Integer> source = new ArrayList<>(n);
        List<Boolean> swapped = new ArrayList<>(n);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Integer> copies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String t = texts.get(i);
            boolean changes = !swap.swap(t).equals(t);
            boolean coin = method == Method.CDS && rng.nextBoolean();
            source.add(i);
            swapped.add(method == Method.CDS && coin && changes);
            if (method == Method.CDA && changes) {
                copies.add(i);
            }
        }
        for (int i : copies) {
            source.add(i);
            swapped.add(true);
        }
        int[] s = source.stream().mapToInt(Integer::intValue).toArray();
        boolean[] w = new boolean[swapped.size()];
        for (int k = 0; k < w.length; k++) {
            w[k] = swapped.get(k);
        }
        return new Plan(s, w);
    }

    /**
     * Reads {@code data} ({@link LabelledTexts#read}, no label) and augments its {@code textColumn}.
     *
     * @throws DataFileException naming file, line and column of an empty text
     */
    public static Augmented run(Path data, String textColumn, Method method, long seed)
            throws IOException, DataFileException {
        LabelledTexts d = LabelledTexts.read(data, textColumn, null, null);
        GenderSwap swap = GenderSwap.english();
        Plan plan = plan(d.texts(), method, seed, swap);
        return new Augmented(d.source(), method, seed, d.size(), gendered(d.texts(), swap), plan,
                csv(d.table(), textColumn, plan.texts(d.texts(), swap), plan));
    }

    static int gendered(List<String> texts, GenderSwap swap) {
        int n = 0;
        for (String t : texts) {
            n += swap.swap(t).equals(t) ? 0 : 1;
        }
        return n;
    }

    private static String csv(Table t, String textColumn, List<String> texts, Plan plan) throws DataFileException {
        List<String> names = t.columnNames();
        List<Column> columns = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < names.size(); j++) {
            columns.add(t.column(names.get(j)));
            sb.append(j > 0 ? "," : "").append(CsvText.field(names.get(j)));
        }
        sb.append('\n');
        int[] source = plan.source();
        for (int k = 0; k < source.length; k++) {
            for (int j = 0; j < columns.size(); j++) {
                String v = names.get(j).equals(textColumn) ? texts.get(k) : columns.get(j).text(source[k]);
                sb.append(j > 0 ? "," : "").append(v == null ? "" : CsvText.field(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
