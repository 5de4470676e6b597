package org.rai4j.privacy;

/**
 * The (ε, δ) guarantee obtained from RDP, and the order that gave it.
 *
 * @param epsilon       the smallest ε over the order list (+∞ when every order gave NaN)
 * @param optimalOrder  the order α attaining it (NaN when ε is infinite)
 * @param optimalAtEdge true when α is the first or last order of the list: a wider list might give a
 *                      smaller ε
 * @param smallestOrder the first order of the list that was searched
 * @param largestOrder  the last order of the list that was searched
 */
public record RdpEpsilon(double epsilon, double optimalOrder, boolean optimalAtEdge, double smallestOrder,
                         double largestOrder) {

    /** A warning for users when the optimum sits at the edge of the order list, else null. */
    public String edgeWarning() {
        if (!optimalAtEdge) {
            return null;
        }
        boolean largest = optimalOrder == largestOrder;
        return "the optimal RDP order is the " + (largest ? "largest" : "smallest") + " in the list ("
                + formatOrder(optimalOrder) + "; orders span " + formatOrder(smallestOrder) + " to "
                + formatOrder(largestOrder) + "): epsilon may be loose"
                + (largest ? "; a wider order list or the PRV accountant may give a smaller epsilon" : "");
    }

    private static String formatOrder(double a) {
        return a == Math.rint(a) ? Long.toString((long) a) : Double.toString(a);
    }
}
