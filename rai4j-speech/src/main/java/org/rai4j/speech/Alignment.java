package org.rai4j.speech;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rai4j.core.Preconditions;

/**
 * A full alignment of a reference and a hypothesis token list: the sequence of
 * {@link AlignmentStep}s and their counts, under the same rule as {@link EditDistance} (minimum cost,
 * then maximum hits).
 *
 * <p>Computed the slow, obviously correct way: the full (N_ref+1)×(N_hyp+1) matrices of cost and hits,
 * filled by the Wagner–Fischer recurrence with an explicit lexicographic comparison, then a traceback
 * that counts each operation it walks. This is the oracle the fast {@link EditDistance} is tested
 * against, and the way to show a user where the errors are. O(N_ref·N_hyp) memory: meant for single
 * utterances, not for scoring corpora.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reference  the reference tokens
 * @param hypothesis the hypothesis tokens
 * @param steps      the alignment, in reading order
 * @param counts     H, S, D, I counted along {@code steps}
 */
public record Alignment(List<String> reference, List<String> hypothesis, List<AlignmentStep> steps, EditCounts counts) {
    public Alignment {
        reference = List.copyOf(reference);
        hypothesis = List.copyOf(hypothesis);
        steps = List.copyOf(steps);
        Preconditions.checkNotNull(counts, "counts");
    }

    /** Aligns two token lists (tokens compared with {@link String#equals}). */
    public static Alignment of(List<String> reference, List<String> hypothesis) {
        Map<String, Integer> ids = new HashMap<>();
        int[] r = new int[reference.size()];
        int[] h = new int[hypothesis.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = ids.computeIfAbsent(reference.get(i), k -> ids.size());
        }
        for (int j = 0; j < h.length; j++) {
            h[j] = ids.computeIfAbsent(hypothesis.get(j), k -> ids.size());
        }
        List<AlignmentStep> steps = align(r, h);
        return new Alignment(reference, hypothesis, steps, countSteps(steps));
    }

    /** The steps of a minimum-cost, maximum-hits alignment of two int sequences (full matrix + traceback). */
    static List<AlignmentStep> align(int[] r, int[] h) {
        int n = r.length;
        int m = h.length;
        int[][] cost = new int[n + 1][m + 1];
        int[][] hits = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            cost[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            cost[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                boolean equal = r[i - 1] == h[j - 1];
                int bestCost = cost[i - 1][j - 1] + (equal ? 0 : 1);
                int bestHits = hits[i - 1][j - 1] + (equal ? 1 : 0);
                if (better(cost[i - 1][j] + 1, hits[i - 1][j], bestCost, bestHits)) {
                    bestCost = cost[i - 1][j] + 1;
                    bestHits = hits[i - 1][j];
                }
                if (better(cost[i][j - 1] + 1, hits[i][j - 1], bestCost, bestHits)) {
                    bestCost = cost[i][j - 1] + 1;
                    bestHits = hits[i][j - 1];
                }
                cost[i][j] = bestCost;
                hits[i][j] = bestHits;
            }
        }
        List<AlignmentStep> steps = new ArrayList<>();
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0) {
                boolean equal = r[i - 1] == h[j - 1];
                if (cost[i][j] == cost[i - 1][j - 1] + (equal ? 0 : 1) && hits[i][j] == hits[i - 1][j - 1] + (equal ? 1 : 0)) {
                    steps.add(new AlignmentStep(equal ? AlignmentStep.Operation.HIT : AlignmentStep.Operation.SUBSTITUTION, i - 1, j - 1));
                    i--;
                    j--;
                    continue;
                }
            }
            if (i > 0 && cost[i][j] == cost[i - 1][j] + 1 && hits[i][j] == hits[i - 1][j]) {
                steps.add(new AlignmentStep(AlignmentStep.Operation.DELETION, i - 1, -1));
                i--;
            } else {
                steps.add(new AlignmentStep(AlignmentStep.Operation.INSERTION, -1, j - 1));
                j--;
            }
        }
        Collections.reverse(steps);
        return steps;
    }

    /** True when (cost a, hits a) comes before (cost b, hits b): lower cost, or equal cost and more hits. */
    private static boolean better(int costA, int hitsA, int costB, int hitsB) {
        return costA < costB || (costA == costB && hitsA > hitsB);
    }

    /** Counts operations along a list of steps. */
    static EditCounts countSteps(List<AlignmentStep> steps) {
        long[] c = new long[4];
        for (AlignmentStep s : steps) {
            c[s.operation().ordinal()]++;
        }
        return new EditCounts(c[0], c[1], c[2], c[3]);
    }

    /**
     * A three-line rendering like jiwer's {@code visualize_alignment}: {@code REF:} and {@code HYP:} with
     * tokens padded to equal width ({@code *} for a missing token) and a line marking S, D and I.
     */
    public String render() {
        StringBuilder ref = new StringBuilder("REF: ");
        StringBuilder hyp = new StringBuilder("HYP: ");
        StringBuilder ops = new StringBuilder("     ");
        for (AlignmentStep s : steps) {
            String a = s.referenceIndex() < 0 ? "*" : reference.get(s.referenceIndex());
            String b = s.hypothesisIndex() < 0 ? "*" : hypothesis.get(s.hypothesisIndex());
            int width = Math.max(a.length(), b.length());
            String mark = switch (s.operation()) {
                case HIT -> "";
                case SUBSTITUTION -> "S";
                case DELETION -> "D";
                case INSERTION -> "I";
            };
            ref.append(pad(a, width)).append(' ');
            hyp.append(pad(b, width)).append(' ');
            ops.append(pad(mark, width)).append(' ');
        }
        return ref.toString().stripTrailing() + "\n" + hyp.toString().stripTrailing() + "\n" + ops.toString().stripTrailing();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
