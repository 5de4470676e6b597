package org.rai4j.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code rai4j audit --task speech} adds: the hypothesis column, the cluster column and the
 * text normalisation. (The reference column is {@code --reference}, shared with the comparison options.)
 */
final class SpeechAuditOptions {
    @Option(names = "--hypothesis", paramLabel = "COL", description = "With --task speech: column of recognised transcripts "
            + "(--reference COL names the column of what was said).")
    String hypothesis;

    @Option(names = "--cluster", paramLabel = "COL", description = "With --task speech: bootstrap whole clusters (e.g. speaker) "
            + "instead of utterances, since one speaker's utterances are not independent.")
    String cluster;

    @Mixin
    SpeechNormalizationOptions normalization = new SpeechNormalizationOptions();
}
