package org.rai4j.text;

import java.util.List;

/**
 * A perturbation of a text for perturbation evaluation (HELM, Liang et al. 2022): a deterministic function of the
 * text and a per-instance seed, which also reports every word it replaced, so that a run can be audited.
 * Implementations are immutable and thread-safe.
 */
public interface TextPerturbation {

    /** The name used in reports and on the command line, e.g. {@code pronouns:m2f}. */
    String name();

    /** One line saying what the perturbation does, for reports. */
    String description();

    /**
     * Perturbs {@code text}.
     *
     * @param seed the instance's seed (perturbations with random choices draw them from it, so the same text and
     *             seed always give the same result)
     */
    Perturbed apply(String text, long seed);

    /**
     * A perturbed text with the replacements made, in text order.
     *
     * @param text          the perturbed text (equal to the input when nothing was replaced)
     * @param substitutions each replaced word or phrase and its replacement
     */
    record Perturbed(String text, List<Substitution> substitutions) {
        /** Copies the list. */
        public Perturbed {
            substitutions = List.copyOf(substitutions);
        }

        /** True when the perturbation replaced something. */
        public boolean changed() {
            return !substitutions.isEmpty();
        }
    }

    /**
     * One replacement.
     *
     * @param from the word or phrase as it was in the text
     * @param to   what replaced it
     */
    record Substitution(String from, String to) {
        @Override
        public String toString() {
            return from + " -> " + to;
        }
    }
}
