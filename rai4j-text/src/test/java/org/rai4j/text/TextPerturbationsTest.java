package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.rai4j.core.DataFileException;

class TextPerturbationsTest {
    private static final GenderPerturbation M2F = GenderPerturbation.english(GenderPerturbation.Direction.MALE_TO_FEMALE);
    private static final GenderPerturbation F2M = GenderPerturbation.english(GenderPerturbation.Direction.FEMALE_TO_MALE);
    private static final GenderPerturbation BOTH = GenderPerturbation.english(GenderPerturbation.Direction.BOTH);
    private static final NamePerturbation NAMES = NamePerturbation.europeanToAfricanAmerican();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            He is a doctor.                      | She is a doctor.                     | He is a doctor.
            She is a doctor.                     | She is a doctor.                     | He is a doctor.
            He gave her his book.                | She gave her her book.               | He gave him his book.
            She told him that the car is hers.   | She told her that the car is hers.   | He told him that the car is his.
            The book is his.                     | The book is hers.                    | The book is his.
            HE SAID NO.                          | SHE SAID NO.                         | HE SAID NO.
            My father and my mother came.        | My mother and my mother came.        | My father and my father came.
            The man's wife, Mr Smith's sister.   | The woman's wife, Ms Smith's sister. | The man's husband, Mr Smith's brother.
            Mrs Jones met the King.              | Mrs Jones met the Queen.             | Mr Jones met the King.
            Theodore and Shelby are helpful.     | Theodore and Shelby are helpful.     | Theodore and Shelby are helpful.
            John thanked himself and Mary.       | John thanked herself and Mary.       | John thanked himself and Mary.
            the chairman's father-in-law         | the chairwoman's mother-in-law       | the chairman's father-in-law
            """)
    void gender_directed_onlyTheSourceSideChanges(String text, String m2f, String f2m) {
        assertThat(M2F.apply(text, 0).text()).isEqualTo(m2f);
        assertThat(F2M.apply(text, 0).text()).isEqualTo(f2m);
    }

    @Test
    void gender_both_isTheGenderSwapWithoutNames() {
        assertThat(BOTH.apply("He thanked her, and John thanked Mary.", 0).text())
                .isEqualTo("She thanked him, and John thanked Mary.");
        TextPerturbation.Perturbed p = M2F.apply("He and his son left.", 0);
        assertThat(p.substitutions()).containsExactly(new TextPerturbation.Substitution("He", "She"),
                new TextPerturbation.Substitution("his", "her"), new TextPerturbation.Substitution("son", "daughter"));
        assertThat(M2F.apply("The sky is blue.", 0).changed()).isFalse();
        assertThat(M2F.name()).isEqualTo("pronouns:m2f");
        assertThat(F2M.name()).isEqualTo("pronouns:f2m");
        assertThat(BOTH.name()).isEqualTo("pronouns:swap");
    }

    private static final Set<String> AA_MALE = lower(NamePerturbation.names("african-american-male"));
    private static final Set<String> AA_FEMALE = lower(NamePerturbation.names("african-american-female"));
    private static final Set<String> EA_MALE = lower(NamePerturbation.names("european-american-male"));
    private static final Set<String> EA_FEMALE = lower(NamePerturbation.names("european-american-female"));

    private static Set<String> lower(List<String> names) {
        Set<String> s = new HashSet<>();
        names.forEach(n -> s.add(n.toLowerCase(Locale.ROOT)));
        return s;
    }

    @Test
    void names_bundledLists_disjointAndGendered() {
        assertThat(EA_MALE).hasSize(23).doesNotContainAnyElementsOf(EA_FEMALE).doesNotContainAnyElementsOf(AA_MALE);
        assertThat(EA_FEMALE).hasSize(23).doesNotContainAnyElementsOf(AA_FEMALE);
        assertThat(AA_MALE).hasSize(25).doesNotContainAnyElementsOf(AA_FEMALE);
        assertThat(AA_FEMALE).hasSize(18);
    }

    /** Each row: the text, which words must be replaced (their genders: m/f), and which must stay. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Emily called Greg, and Greg called Emily back.      | f m m f |
            Adam's car and ADAM's bike.                         | m m     |
            Emilyn and Gregory are not listed.                  |         | Emilyn Gregory
            emily in lower case is not a name.                  |         | emily
            Adam, Justin, Ryan and Andrew met Amanda.           | m m m m f |
            Katie-Lauren wrote to Sarah.                        | f f f   |
            The frank answer came from Frank.                   | m       | frank
            """)
    void names_replacedConsistentlyWithinAnInstance(String text, String genders, String kept) {
        for (long seed = 0; seed < 25; seed++) {
            TextPerturbation.Perturbed p = NAMES.apply(text, seed);
            String[] g = genders == null ? new String[0] : genders.trim().split(" ");
            assertThat(p.substitutions()).hasSize(g.length);
            Map<String, String> seen = new java.util.HashMap<>();
            Map<String, String> back = new java.util.HashMap<>();
            for (int i = 0; i < g.length; i++) {
                TextPerturbation.Substitution s = p.substitutions().get(i);
                String from = s.from().toLowerCase(Locale.ROOT);
                String to = s.to().toLowerCase(Locale.ROOT);
                assertThat(g[i].equals("m") ? EA_MALE : EA_FEMALE).contains(from);
                assertThat(g[i].equals("m") ? AA_MALE : AA_FEMALE).as("gender kept").contains(to);
                // the same name gets the same replacement; different names get different ones
                assertThat(seen.merge(from, to, (a, b) -> a)).isEqualTo(to);
                assertThat(back.merge(to, from, (a, b) -> a)).isEqualTo(from);
                // casing follows the source
                if (s.from().equals(s.from().toUpperCase(Locale.ROOT))) {
                    assertThat(s.to()).isEqualTo(s.to().toUpperCase(Locale.ROOT));
                } else {
                    assertThat(s.to().charAt(0)).isUpperCase();
                    assertThat(s.to().substring(1)).isLowerCase();
                }
            }
            if (kept != null) {
                for (String k : kept.trim().split(" ")) {
                    assertThat(Pattern.compile("\\b" + k + "\\b").matcher(p.text()).find()).as(k + " kept").isTrue();
                }
            }
            // everything but the names is unchanged
            Matcher m = Pattern.compile("\\p{L}+").matcher(text);
            StringBuilder skeleton = new StringBuilder();
            int last = 0;
            while (m.find()) {
                skeleton.append(text, last, m.start()).append('W');
                last = m.end();
            }
            skeleton.append(text.substring(last));
            assertThat(p.text().replaceAll("\\p{L}+", "W")).isEqualTo(skeleton.toString());
            assertThat(NAMES.apply(text, seed)).as("deterministic").isEqualTo(p);
        }
    }

    @Test
    void names_seedsVaryTheChoice() {
        Set<String> targets = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            targets.add(NAMES.apply("Emily", seed).text());
        }
        assertThat(targets).hasSize(AA_FEMALE.size());
    }

    @Test
    void dialect_phrasesWordBoundariesCasingAndConsistentChoices() throws Exception {
        DialectPerturbation d = DialectPerturbation.parse(new StringReader("""
                # a made-up mapping for the test
                going to\tgonna
                isn't\tain't
                very\treal\thella
                go\tgo on
                """), "map.tsv");
        assertThat(d.name()).isEqualTo("dialect:map.tsv");
        assertThat(d.apply("Going to the shop, he isn't going to GO.", 1).text())
                .isEqualTo("Gonna the shop, he ain't gonna GO ON.");
        assertThat(d.apply("Undergo the goings-on; isn'tt", 1).changed()).isFalse();
        for (long seed = 0; seed < 20; seed++) {
            String t = d.apply("very good, very very good", seed).text();
            assertThat(t).matches("(real|hella) good, \\1 \\1 good");
        }
        Set<String> choices = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            choices.add(d.apply("very", seed).text());
        }
        assertThat(choices).containsExactlyInAnyOrder("real", "hella");
    }

    @Test
    void dialect_badFile_namesLineAndField() {
        assertThatThrownBy(() -> DialectPerturbation.parse(new StringReader("a\tb\nnotab\nc\t\n\tx\na\tz\n"), "m.tsv"))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("m.tsv:2: expected source<TAB>replacement, found no tab")
                .hasMessageContaining("m.tsv:3: column 'field 2': a replacement is blank")
                .hasMessageContaining("m.tsv:4: column 'field 1': the source is blank")
                .hasMessageContaining("m.tsv:5: column 'field 1': 'a' is listed twice (first on line 1)");
        assertThatThrownBy(() -> DialectPerturbation.parse(new StringReader("# only a comment\n"), "e.tsv"))
                .isInstanceOf(DataFileException.class).hasMessageContaining("holds no line");
    }
}
