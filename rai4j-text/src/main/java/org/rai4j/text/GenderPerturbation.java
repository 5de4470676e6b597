package org.rai4j.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rai4j.core.Preconditions;

/**
 * HELM's gender perturbation (Liang et al. 2022, §fairness: {@code gender(mode=pronouns, male→female)}), built on
 * {@link GenderSwap}: gendered pronouns and terms (he/she, him/her, his/her/hers, himself/herself, man/woman,
 * Mr/Ms, …, the bundled word pairs) are replaced in one direction — {@link Direction#MALE_TO_FEMALE} (HELM's),
 * {@link Direction#FEMALE_TO_MALE}, or both ways at once ({@link Direction#BOTH}, the plain gender swap). First names
 * are left alone (they are the {@link NamePerturbation}'s). The replacement of each word, its casing and the
 * her → him/his choice are GenderSwap's; a word is replaced only when it belongs to the source side of the
 * direction. Deterministic (the seed is not used); immutable; thread-safe.
 */
public final class GenderPerturbation implements TextPerturbation {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    /** Which gendered words are replaced. */
    public enum Direction {
        /** Male words become female (HELM's direction). */
        MALE_TO_FEMALE("m2f", "male -> female"),
        /** Female words become male. */
        FEMALE_TO_MALE("f2m", "female -> male"),
        /** Both ways at once: the gender swap. */
        BOTH("swap", "male <-> female");

        private final String code;
        private final String label;

        Direction(String code, String label) {
            this.code = code;
            this.label = label;
        }

        /** The short code used in perturbation names: {@code m2f}, {@code f2m}, {@code swap}. */
        public String code() {
            return code;
        }
    }

    private final GenderSwap swap;
    private final Direction direction;
    private final Set<String> sources;

    private GenderPerturbation(GenderSwap swap, Direction direction) {
        this.swap = swap;
        this.direction = direction;
        Set<String> male = new HashSet<>(Set.of("he", "him", "his", "himself", "mr"));
        Set<String> female = new HashSet<>(Set.of("she", "her", "hers", "herself", "mrs", "ms"));
        for (String[] p : GenderSwap.wordPairs()) {
            male.add(p[0].toLowerCase(Locale.ROOT));
            female.add(p[1].toLowerCase(Locale.ROOT));
        }
        Set<String> s = new HashSet<>();
        if (direction != Direction.FEMALE_TO_MALE) {
            s.addAll(male);
        }
        if (direction != Direction.MALE_TO_FEMALE) {
            s.addAll(female);
        }
        this.sources = Set.copyOf(s);
    }

    /** The perturbation in {@code direction} over the bundled English pairs. */
    public static GenderPerturbation english(Direction direction) {
        return new GenderPerturbation(GenderSwap.english(), Preconditions.checkNotNull(direction, "direction"));
    }

    /** The direction. */
    public Direction direction() {
        return direction;
    }

    @Override
    public String name() {
        return "pronouns:" + direction.code();
    }

    @Override
    public String description() {
        return "gender pronouns and terms, " + direction.label;
    }

    @Override
    public Perturbed apply(String text, long seed) {
        Preconditions.checkNotNull(text, "text");
        String swapped = swap.swap(text);
        if (swapped.equals(text)) {
            return new Perturbed(text, List.of());
        }
        List<int[]> a = spans(text);
        List<int[]> b = spans(swapped);
        Preconditions.checkState(a.size() == b.size(), "the gender swap changed the number of words of: " + text);
        StringBuilder out = new StringBuilder(text.length() + 8);
        List<Substitution> subs = new ArrayList<>();
        int last = 0;
        for (int i = 0; i < a.size(); i++) {
            String from = text.substring(a.get(i)[0], a.get(i)[1]);
            String to = swapped.substring(b.get(i)[0], b.get(i)[1]);
            out.append(text, last, a.get(i)[0]);
            if (!from.equals(to) && sources.contains(from.toLowerCase(Locale.ROOT))) {
                out.append(to);
                subs.add(new Substitution(from, to));
            } else {
                out.append(from);
            }
            last = a.get(i)[1];
        }
        out.append(text, last, text.length());
        return new Perturbed(out.toString(), subs);
    }

    private static List<int[]> spans(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }
}
