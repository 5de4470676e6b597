package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GenderSwapTest {
    private static final GenderSwap SWAP = GenderSwap.english();

    /** gender-swap-cases.tsv: over 100 hand-written sentences with their expected swaps. */
    @Test
    void swap_table_givesTheExpectedSentences() throws Exception {
        List<String[]> cases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("gender-swap-cases.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#")) {
                    String[] f = line.split("\t", -1);
                    assertThat(f).as(line).hasSize(2);
                    cases.add(f);
                }
            }
        }
        assertThat(cases.size()).isGreaterThanOrEqualTo(100);
        List<String> wrong = new ArrayList<>();
        for (String[] c : cases) {
            String got = SWAP.swap(c[0]);
            if (!got.equals(c[1])) {
                wrong.add("'" + c[0] + "' -> '" + got + "', expected '" + c[1] + "'");
            }
        }
        assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
    }

    @Test
    void swapCounted_countsReplacedWords() {
        assertThat(SWAP.swapCounted("He gave her his book.")).isEqualTo(
                new GenderSwap.Swapped("She gave him her book.", 3));
        assertThat(SWAP.swapCounted("no change").replacements()).isZero();
    }

    @Test
    void bundledPairs_areOneToOne() {
        List<String> all = new ArrayList<>();
        for (String[] p : GenderSwap.wordPairs()) {
            all.add(p[0].toLowerCase(Locale.ROOT));
            all.add(p[1].toLowerCase(Locale.ROOT));
        }
        for (String[] p : GenderSwap.namePairs()) {
            all.add(p[0].toLowerCase(Locale.ROOT));
            all.add(p[1].toLowerCase(Locale.ROOT));
        }
        assertThat(all).doesNotHaveDuplicates().doesNotContain("him", "her", "his", "hers", "mrs", "they");
    }

    /**
     * swap∘swap = identity on 2,000 seeded sentences built only from one-to-one parts: word pairs and names in random
     * casing, he/she, him/her before a function word or punctuation, his/her before a noun, his/hers before
     * punctuation, neutral filler; every sentence holds at least one gendered word and changes under one swap.
     */
    @Test
    void swapTwice_isTheIdentity_whereTheMappingIsOneToOne() {
        SplittableRandom rng = new SplittableRandom(1205);
        List<String[]> pairs = GenderSwap.wordPairs();
        List<String[]> names = GenderSwap.namePairs();
        String[] fillers = {"the", "cat", "quickly", "table", "runs", "and", "blue", "yesterday", "idea", "tall"};
        String[] followers = {"today", "with", "the", "to", "and", "again", "later", "."};
        String[] punct = {".", ",", "!", "?", ";"};
        String[] nouns = {"car", "book", "idea", "garden", "coat", "brother", "aunt", "dog"};
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            int parts = 1 + rng.nextInt(6);
            for (int p = 0; p < parts; p++) {
                if (p > 0) {
                    sb.append(rng.nextBoolean() ? " " : punct[rng.nextInt(punct.length)] + " ");
                }
                switch (rng.nextInt(6)) {
                    case 0 -> sb.append(cased(rng, rng.nextBoolean() ? "he" : "she")).append(' ')
                            .append(fillers[rng.nextInt(fillers.length)]).append(' ')
                            .append(cased(rng, rng.nextBoolean() ? "him" : "her")).append(' ')
                            .append(followers[rng.nextInt(followers.length)]);
                    case 1 -> sb.append(cased(rng, rng.nextBoolean() ? "his" : "her")).append(' ')
                            .append(nouns[rng.nextInt(nouns.length)]);
                    case 2 -> sb.append(cased(rng, rng.nextBoolean() ? "his" : "hers"))
                            .append(punct[rng.nextInt(punct.length)]);
                    case 3 -> {
                        String[] np = names.get(rng.nextInt(names.size()));
                        String name = np[rng.nextInt(2)];
                        sb.append(rng.nextInt(4) == 0 ? name.toUpperCase(Locale.ROOT) : name)
                                .append(rng.nextBoolean() ? "'s " : " ").append(fillers[rng.nextInt(fillers.length)]);
                    }
                    case 4 -> {
                        String[] wp = pairs.get(rng.nextInt(pairs.size()));
                        sb.append(cased(rng, wp[rng.nextInt(2)])).append(rng.nextBoolean() ? "-" : " ")
                                .append(fillers[rng.nextInt(fillers.length)]);
                    }
                    default -> sb.append(fillers[rng.nextInt(fillers.length)]);
                }
            }
            String s = sb.toString();
            GenderSwap.Swapped once = SWAP.swapCounted(s);
            assertThat(SWAP.swap(once.text())).as("sentence %d: %s -> %s", n, s, once.text()).isEqualTo(s);
            if (once.replacements() > 0) {
                assertThat(once.text()).isNotEqualTo(s);
            }
        }
    }

    private static String cased(SplittableRandom rng, String w) {
        return switch (rng.nextInt(3)) {
            case 0 -> w;
            case 1 -> Character.toUpperCase(w.charAt(0)) + w.substring(1);
            default -> w.toUpperCase(Locale.ROOT);
        };
    }
}
