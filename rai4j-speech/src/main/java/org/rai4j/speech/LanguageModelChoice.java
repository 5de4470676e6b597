package org.rai4j.speech;

import java.util.Locale;
import org.rai4j.core.Preconditions;

/**
 * Which language model the recogniser decodes with.
 *
 * <ul>
 *   <li>{@code general}: the recogniser's own general English model (pocketsphinx: {@code en-us.lm.bin},
 *       a 3-gram model over about 130,000 words, and the full CMU dictionary);</li>
 *   <li>{@code domain}: a {@link DomainLanguageModel} of the given order and discount estimated by rai4j
 *       from the prompt set, with a {@link DomainLexicon} of its words — how a deployed voice-command or
 *       dictation system is configured.</li>
 * </ul>
 *
 * @param domain   true for a domain model
 * @param order    n-gram order of the domain model (1–3); 0 for {@code general}
 * @param discount absolute discount of the domain model in (0, 1); NaN for {@code general}
 */
public record LanguageModelChoice(boolean domain, int order, double discount) {
    /** The recogniser's general model. */
    public static final LanguageModelChoice GENERAL = new LanguageModelChoice(false, 0, Double.NaN);

    public LanguageModelChoice {
        if (domain) {
            Preconditions.checkArgument(order >= 1 && order <= 3, "domain model order must be 1, 2 or 3, got " + order);
            Preconditions.checkArgument(discount > 0 && discount < 1, "domain model discount must be in (0, 1), got " + discount);
        } else {
            Preconditions.checkArgument(order == 0 && Double.isNaN(discount), "the general model takes no order or discount");
        }
    }

    /** A domain model. */
    public static LanguageModelChoice domain(int order, double discount) {
        return new LanguageModelChoice(true, order, discount);
    }

    /** {@code general} or e.g. {@code domain-2gram-d0.9}. */
    public String id() {
        return domain ? String.format(Locale.ROOT, "domain-%dgram-d%s", order, stripZeros(discount)) : "general";
    }

    private static String stripZeros(double d) {
        String s = String.format(Locale.ROOT, "%.4f", d);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
