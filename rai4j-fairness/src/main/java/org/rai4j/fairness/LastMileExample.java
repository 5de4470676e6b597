package org.rai4j.fairness;

import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Simulated data for the last-mile story, with known truth: a bedside voice-command recogniser
 * (commands such as {@code call_nurse}, {@code lights_on}) evaluated by its provider on ordinary ward
 * recordings, then by a hospital on its imaging floor, where equipment hum raises the error rate for
 * every accent by about 4 points, and for Scottish-accented speakers by 16. Each row is one
 * utterance: {@code utterance,accent,said,recognised}; a misrecognised command is replaced by one of
 * the other commands uniformly. The hospital also has Polish-accented staff, absent from the provider's
 * evaluation, and only a handful of Spanish-accented speakers. Deterministic for a given seed.
 *
 * @param seed the seed
 */
public record LastMileExample(long seed) {
    /** The commands the recogniser knows. */
    public static final List<String> COMMANDS = List.of("call_nurse", "lights_on", "lights_off", "bed_up", "bed_down");

    /** Where the recordings come from. */
    public enum Site {
        /** The provider's evaluation: ordinary ward conditions (the baseline). */
        PROVIDER_EVALUATION,
        /** The hospital's imaging floor: equipment hum (the candidate). */
        IMAGING_FLOOR
    }

    /**
     * One accent's share of the utterances and true error rate at each site.
     *
     * @param accent          the accent label
     * @param providerShare   share of the provider's utterances
     * @param providerError   true error rate in the provider's evaluation
     * @param imagingShare    share of the imaging floor's utterances
     * @param imagingError    true error rate on the imaging floor
     */
    public record Accent(String accent, double providerShare, double providerError, double imagingShare, double imagingError) {}

    /** The planted truth. */
    public static final List<Accent> ACCENTS = List.of(
            new Accent("american", 0.30, 0.040, 0.25, 0.080),
            new Accent("english", 0.20, 0.045, 0.20, 0.085),
            new Accent("scottish", 0.12, 0.060, 0.15, 0.220),
            new Accent("indian", 0.16, 0.055, 0.15, 0.095),
            new Accent("nigerian", 0.12, 0.065, 0.12, 0.105),
            new Accent("spanish", 0.10, 0.060, 0.01, 0.100),
            new Accent("polish", 0.00, 0.000, 0.12, 0.120));

    /** Writes {@code rows} utterances recorded at {@code site} as CSV. */
    public void writeCsv(Writer out, Site site, int rows) throws IOException {
        Preconditions.checkAtLeast(rows, 1, "rows");
        SplittableRandom rng = Seeds.stream(seed, site.ordinal());
        BufferedWriter w = new BufferedWriter(out);
        w.write("utterance,accent,said,recognised\n");
        for (int i = 0; i < rows; i++) {
            Accent a = pick(rng, site);
            String said = COMMANDS.get(rng.nextInt(COMMANDS.size()));
            double error = site == Site.PROVIDER_EVALUATION ? a.providerError() : a.imagingError();
            String heard = said;
            if (rng.nextDouble() < error) {
                int k = rng.nextInt(COMMANDS.size() - 1);
                heard = COMMANDS.get(k >= COMMANDS.indexOf(said) ? k + 1 : k);
            }
            w.write(String.format(Locale.ROOT, "%s-%05d,%s,%s,%s%n", site == Site.PROVIDER_EVALUATION ? "ward" : "imaging", i + 1,
                    a.accent(), said, heard));
        }
        w.flush();
    }

    private static Accent pick(SplittableRandom rng, Site site) {
        double u = rng.nextDouble();
        double cum = 0;
        for (Accent a : ACCENTS) {
            cum += site == Site.PROVIDER_EVALUATION ? a.providerShare() : a.imagingShare();
            if (u < cum) {
                return a;
            }
        }
        return ACCENTS.get(0);
    }
}
