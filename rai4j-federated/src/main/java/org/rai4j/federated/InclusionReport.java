package org.rai4j.federated;

/**
 * Realised against intended client inclusion: intended = the expected number of selections per round
 * (summed over rounds / rounds), realised = the count of selections / rounds.
 *
 * @param scheme           the selector's key
 * @param weighting        "normalised" or "unbiased"
 * @param rounds           rounds observed
 * @param maxAbsDeviation  max over clients of |realised − intended|
 * @param clients          per-client rows (empty when the population is above {@link #PER_CLIENT_LIMIT})
 */
public record InclusionReport(String scheme, String weighting, int rounds, double maxAbsDeviation, java.util.List<Row> clients) {
    /** Per-client rows are reported up to this population size. */
    public static final int PER_CLIENT_LIMIT = 1000;

    public InclusionReport {
        clients = java.util.List.copyOf(clients);
    }

    /** One client's inclusion. @param examples n_k in the last period */
    public record Row(int id, int examples, double intended, double realised) {}
}
