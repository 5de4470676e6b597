package org.rai4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.rai4j.speech.NormalizationStep;
import org.rai4j.speech.TextNormalizer;
import picocli.CommandLine.Option;

/** The text-normalisation options shared by the speech commands ({@code --normalize}, {@code --also}). */
final class SpeechNormalizationOptions {
    @Option(names = "--normalize", paramLabel = "PRESET", defaultValue = "default",
            description = "Text normalisation applied to both sides: default (lowercase, remove punctuation), "
                    + "none (whitespace only, as jiwer's wer_default), jiwer-standardize (lowercase, expand "
                    + "contractions, remove [tags]). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--also", paramLabel = "STEP",
            description = "An extra normalisation step: lowercase, expand-contractions, remove-non-word-tags, "
                    + "numbers-to-words, remove-punctuation (repeatable).")
    List<String> extraSteps = new ArrayList<>();

    /** The normaliser these options describe. */
    TextNormalizer normalizer() {
        TextNormalizer base = switch (preset) {
            case "default" -> TextNormalizer.DEFAULT;
            case "none" -> TextNormalizer.NONE;
            case "jiwer-standardize" -> TextNormalizer.JIWER_STANDARDIZE;
            default -> throw new UserException("--normalize must be one of default, none, jiwer-standardize, got '" + preset + "'");
        };
        List<NormalizationStep> steps = new ArrayList<>(base.steps());
        for (String s : extraSteps) {
            try {
                steps.add(NormalizationStep.fromId(s));
            } catch (IllegalArgumentException e) {
                throw new UserException("--also: " + e.getMessage());
            }
        }
        return new TextNormalizer(steps);
    }
}
