package org.rai4j.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rai4j.core.Preconditions;

/**
 * HELM's person-name perturbation (Liang et al. 2022: {@code person_name(white_american → black_american,
 * first_name, preserve_gender=True)}), with the first names Caliskan et al. (2017) used in WEAT 3 and 4
 * (Greenwald et al. 1998; Bertrand &amp; Mullainathan 2004), bundled as {@code names/*.txt}: every capitalised word
 * that is a European-American first name is replaced by an African-American first name of the same gender. The
 * replacement is drawn uniformly from the instance's seed, among the names not yet used in the instance (so two
 * people stay two people), and the same source name gets the same replacement throughout the instance. Casing
 * (Title, UPPER) follows the source; possessives ("Emily's") keep their ending. A capitalised common word that is
 * also a listed name ("Frank", "Jack") is replaced too. Immutable; thread-safe.
 */
public final class NamePerturbation implements TextPerturbation {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final NamePerturbation DEFAULT = new NamePerturbation(
            load("european-american-male"), load("european-american-female"),
            load("african-american-male"), load("african-american-female"));

    private final Map<String, Boolean> sourceIsMale;
    private final List<String> maleTargets;
    private final List<String> femaleTargets;

    private NamePerturbation(List<String> maleSources, List<String> femaleSources, List<String> maleTargets,
                             List<String> femaleTargets) {
        Map<String, Boolean> m = new HashMap<>();
        maleSources.forEach(n -> m.put(n.toLowerCase(Locale.ROOT), Boolean.TRUE));
        for (String n : femaleSources) {
            Preconditions.checkArgument(m.put(n.toLowerCase(Locale.ROOT), Boolean.FALSE) == null,
                    "'" + n + "' is both a male and a female source name");
        }
        this.sourceIsMale = Map.copyOf(m);
        this.maleTargets = List.copyOf(maleTargets);
        this.femaleTargets = List.copyOf(femaleTargets);
    }

    /** European-American → African-American first names, gender preserved (the bundled WEAT 3/4 lists). */
    public static NamePerturbation europeanToAfricanAmerican() {
        return DEFAULT;
    }

    /** The bundled list {@code names/NAME.txt}, e.g. {@code european-american-male}. */
    public static List<String> names(String name) {
        return load(name);
    }

    @Override
    public String name() {
        return "names";
    }

    @Override
    public String description() {
        return "first names, European-American -> African-American, gender kept";
    }

    @Override
    public Perturbed apply(String text, long seed) {
        Preconditions.checkNotNull(text, "text");
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, String> chosen = new HashMap<>();
        List<Substitution> subs = new ArrayList<>();
        StringBuilder out = new StringBuilder(text.length() + 8);
        Matcher m = WORD.matcher(text);
        int last = 0;
        while (m.find()) {
            String token = m.group();
            String lower = token.toLowerCase(Locale.ROOT);
            Boolean male = Character.isUpperCase(token.charAt(0)) ? sourceIsMale.get(lower) : null;
            if (male == null) {
                continue;
            }
            String target = chosen.computeIfAbsent(lower, k -> draw(male ? maleTargets : femaleTargets, chosen, rng));
            String cased = GenderSwap.matchCase(token, target);
            out.append(text, last, m.start()).append(cased);
            subs.add(new Substitution(token, cased));
            last = m.end();
        }
        out.append(text, last, text.length());
        return new Perturbed(out.toString(), subs);
    }

    private static String draw(List<String> targets, Map<String, String> used, SplittableRandom rng) {
        List<String> free = new ArrayList<>(targets);
        free.removeAll(used.values());
        List<String> pool = free.isEmpty() ? targets : free;
        return pool.get(rng.nextInt(pool.size()));
    }

    private static List<String> load(String name) {
        return WordLists.resource("names/" + name + ".txt");
    }
}
