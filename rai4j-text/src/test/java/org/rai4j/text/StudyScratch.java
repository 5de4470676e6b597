package org.rai4j.text;

/** Scratch runner (not a test): prints a study. */
public final class StudyScratch {
    public static void main(String[] args) {
        int models = Integer.parseInt(args[0]);
        SentenceEncoder enc = args[1].equals("fake") ? new FakeEncoder(64) : SentenceEncoders.miniLmQuantized();
        long t0 = System.nanoTime();
        BiasStudy.Result r = BiasStudy.run(enc, BiasStudy.Settings.defaults(models, 1));
        System.out.printf("%.1f s%n", (System.nanoTime() - t0) / 1e9);
        System.out.println("seat aligned " + r.seatAligned().weat().effectSize() + " mis " + r.seatMisaligned().weat().effectSize());
        for (BiasStudy.ModelMetrics m : r.models()) {
            System.out.printf("%s %2d bias %+.2f aug %s  dA %+.3f dM %+.3f  gap %.4f signed %+.4f bpsn %+.4f acc %.3f%n",
                    m.type(), m.index(), m.bias(), m.augmented(), m.intrinsicAligned(), m.intrinsicMisaligned(), m.cfGap(),
                    m.cfSigned(), m.bpsnGap(), m.accuracy());
        }
        for (BiasStudy.CorrelationRow c : r.correlations()) {
            System.out.printf("%s %s %s~%s  r %.3f %s  rho %.3f %s%n", c.type(), c.alignment(), c.intrinsic(), c.extrinsic(),
                    c.pearson().r(), c.pearson().interval(), c.spearman().r(), c.spearman().interval());
        }
    }
}
