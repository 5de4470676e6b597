package org.rai4j.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Applies {@link AcousticCondition}s to clean 16 kHz speech. Noise beds (30 s of white, pink, babble and
 * hospital noise) are made once, by sox (and, for babble, by the synthesiser), cached as WAV files in
 * the work directory and reused; each utterance takes a segment at a seeded random offset. Thread-safe
 * after construction.
 */
final class ConditionRenderer {
    static final int RATE = 16000;
    static final int BED_SECONDS = 30;
    private static final int BABBLE_TALKERS = 6;

    private final Path workDir;
    private final float[] white;
    private final float[] pink;
    private final float[] babble;
    private final float[] hospital;

    private ConditionRenderer(Path workDir, float[] white, float[] pink, float[] babble, float[] hospital) {
        this.workDir = workDir;
        this.white = white;
        this.pink = pink;
        this.babble = babble;
        this.hospital = hospital;
    }

    /** Makes (or reuses from {@code workDir/beds}) the noise beds the given conditions need. */
    static ConditionRenderer prepare(Path workDir, List<AcousticCondition> conditions, List<Speaker> speakers,
                                     List<Prompt> prompts, Synthesizer tts, long seed) throws IOException, InterruptedException {
        Path beds = workDir.resolve("beds");
        Files.createDirectories(beds);
        boolean needWhite = false;
        boolean needPink = false;
        boolean needBabble = false;
        boolean needHospital = false;
        for (AcousticCondition condition : conditions) {
            for (AcousticCondition c : condition.stages()) {
                needWhite |= c.kind() == AcousticCondition.Kind.WHITE;
                needPink |= c.kind() == AcousticCondition.Kind.PINK;
                needBabble |= c.kind() == AcousticCondition.Kind.BABBLE;
                needHospital |= c.kind() == AcousticCondition.Kind.HOSPITAL;
            }
        }
        float[] white = needWhite ? soxNoise(beds.resolve("white.wav"), "whitenoise") : null;
        float[] pink = needPink ? soxNoise(beds.resolve("pink.wav"), "pinknoise") : null;
        float[] babble = needBabble ? babble(beds.resolve("babble.wav"), speakers, prompts, tts, seed) : null;
        float[] hospital = needHospital ? hospital(beds) : null;
        return new ConditionRenderer(workDir, white, pink, babble, hospital);
    }

    private static float[] soxNoise(Path file, String type) throws IOException, InterruptedException {
        if (!Files.exists(file)) {
            ProcessRunner.run(List.of("sox", "-R", "-n", "-r", Integer.toString(RATE), "-c", "1", "-b", "16", file.toString(),
                    "synth", Integer.toString(BED_SECONDS), type, "gain", "-n", "-3"), null, 120);
        }
        return Audio.read(file).samples();
    }

    private static float[] hospital(Path beds) throws IOException, InterruptedException {
        Path file = beds.resolve("hospital.wav");
        if (!Files.exists(file)) {
            Path hum = beds.resolve("hospital-hum.wav");
            Path beeps = beds.resolve("hospital-beeps.wav");
            String secs = Integer.toString(BED_SECONDS);
            ProcessRunner.run(List.of("sox", "-R", "-n", "-r", Integer.toString(RATE), "-c", "1", "-b", "16", hum.toString(),
                    "synth", secs, "sine", "120", "synth", secs, "sine", "mix", "240", "synth", secs, "sine", "mix", "360",
                    "synth", secs, "sine", "mix", "480", "gain", "-n", "-3"), null, 120);
            ProcessRunner.run(List.of("sox", "-R", "-n", "-r", Integer.toString(RATE), "-c", "1", "-b", "16", beeps.toString(),
                    "synth", "0.15", "sine", "1000", "fade", "0.005", "0.15", "0.005", "pad", "0", "0.45",
                    "repeat", Integer.toString(BED_SECONDS * 100 / 60 - 1), "gain", "-n", "-3"), null, 120);
            float[] mix = NoiseMixer.sumEqualPower(new float[][] {Audio.read(hum).samples(), Audio.read(beeps).samples()},
                    RATE, RATE * BED_SECONDS);
            new Audio(mix, RATE).write(file);
        }
        return Audio.read(file).samples();
    }

    /** Six talkers, each a chain of shuffled prompts in one voice, summed at equal active level. */
    private static float[] babble(Path file, List<Speaker> speakers, List<Prompt> prompts, Synthesizer tts, long seed)
            throws IOException, InterruptedException {
        if (!Files.exists(file)) {
            List<Speaker> talkers = new ArrayList<>();
            List<String> voicesUsed = new ArrayList<>();
            for (Speaker s : speakers) {
                if (!voicesUsed.contains(s.voice().name())) {
                    voicesUsed.add(s.voice().name());
                    talkers.add(s);
                }
            }
            SplittableRandom rng = new SplittableRandom(seed ^ 0xBABB1EL);
            float[][] tracks = new float[BABBLE_TALKERS][];
            int length = RATE * BED_SECONDS;
            for (int t = 0; t < BABBLE_TALKERS; t++) {
                Speaker talker = talkers.get(t % talkers.size());
                float[] track = new float[length];
                int filled = 0;
                while (filled < length) {
                    Prompt p = prompts.get(rng.nextInt(prompts.size()));
                    float[] clip = tts.speak(talker, p.text()).samples();
                    int n = Math.min(clip.length, length - filled);
                    System.arraycopy(clip, 0, track, filled, n);
                    filled += n;
                }
                tracks[t] = track;
            }
            new Audio(NoiseMixer.sumEqualPower(tracks, RATE, length), RATE).write(file);
        }
        return Audio.read(file).samples();
    }

    /**
     * {@code clean} under {@code condition}; {@code rng} chooses the noise segment. A compound applies its
     * stages in turn, each to the previous stage's output (an additive stage mixes its noise at the stated
     * SNR over the active part of the signal as it arrives there).
     */
    Audio render(Audio clean, AcousticCondition condition, SplittableRandom rng) throws IOException, InterruptedException {
        if (condition.kind() == AcousticCondition.Kind.COMPOUND) {
            Audio a = clean;
            for (AcousticCondition stage : condition.stages()) {
                a = render(a, stage, rng);
            }
            return a;
        }
        float[] s = clean.samples();
        return switch (condition.kind()) {
            case CLEAN, COMPOUND -> clean;
            case WHITE -> mix(s, white, condition, rng);
            case PINK -> mix(s, pink, condition, rng);
            case BABBLE -> mix(s, babble, condition, rng);
            case HOSPITAL -> mix(s, hospital, condition, rng);
            case TELEPHONE -> sox(clean, true, condition);
            case REVERB, BAND, MASK, LOWPASS, TEMPO -> sox(clean, false, condition);
        };
    }

    private static Audio mix(float[] speech, float[] bed, AcousticCondition c, SplittableRandom rng) {
        return new Audio(NoiseMixer.mix(speech, RATE, bed, rng.nextInt(bed.length), c.snrDb()), RATE);
    }

    private Audio sox(Audio clean, boolean telephone, AcousticCondition condition) throws IOException, InterruptedException {
        Path in = Files.createTempFile(workDir, "cond-in-", ".wav");
        Path mid = Files.createTempFile(workDir, "cond-mid-", ".wav");
        Path out = Files.createTempFile(workDir, "cond-out-", ".wav");
        try {
            clean.write(in);
            if (telephone) {
                ProcessRunner.run(List.of("sox", "-R", in.toString(), "-r", "8000", "-e", "u-law", "-b", "8", mid.toString(),
                        "sinc", "300-3400"), null, 120);
                ProcessRunner.run(List.of("sox", "-R", mid.toString(), "-r", Integer.toString(RATE), "-e", "signed-integer",
                        "-b", "16", out.toString()), null, 120);
            } else if (condition.kind() == AcousticCondition.Kind.BAND) {
                double[] band = condition.band();
                ProcessRunner.run(List.of("sox", "-R", in.toString(), out.toString(), "sinc", fmt(band[0]) + "-" + fmt(band[1]),
                        "gain", "-n", "-3"), null, 120);
            } else if (condition.kind() == AcousticCondition.Kind.MASK) {
                ProcessRunner.run(List.of("sox", "-R", in.toString(), out.toString(), "treble", "-" + fmt(condition.maskDb()),
                        "2000", "gain", "-n", "-3"), null, 120);
            } else if (condition.kind() == AcousticCondition.Kind.LOWPASS) {
                ProcessRunner.run(List.of("sox", "-R", in.toString(), out.toString(), "lowpass", fmt(condition.lowpassHz()),
                        "gain", "-n", "-3"), null, 120);
            } else if (condition.kind() == AcousticCondition.Kind.TEMPO) {
                ProcessRunner.run(List.of("sox", "-R", in.toString(), out.toString(), "tempo", "-s", fmt(condition.tempo()),
                        "gain", "-n", "-3"), null, 120);
            } else {
                ProcessRunner.run(List.of("sox", "-R", in.toString(), out.toString(), "gain", "-3", "reverb",
                        fmt(condition.reverberance()), "50", "100", "100", "20", "gain", "-n", "-3"), null, 120);
            }
            return Audio.read(out);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(mid);
            Files.deleteIfExists(out);
        }
    }

    /** A number as sox reads it: integers without a decimal point. */
    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
