package org.rai4j.privacy;

/**
 * Lists of Rényi orders α at which the RDP accountant evaluates the privacy loss. The ε reported is the
 * minimum over the list, so a wider list can only give a smaller (tighter) ε.
 */
public enum RdpOrders {
    /**
     * Opacus's {@code RDPAccountant.DEFAULT_ALPHAS}: 1.1, 1.2, …, 10.9 (as {@code 1 + x/10.0}) followed by
     * 12, 13, …, 63 — 151 orders. Note that 11 is not in it. This is the default, so that ε agrees with
     * Opacus.
     */
    OPACUS_DEFAULT(opacus()),
    /**
     * The default list plus 11 and 64, 80, 96, 128, 256, 512, 1024: for very small ε the optimal order can
     * sit at the top of the default list (63), which inflates ε (e.g. 0.104 instead of 0.025 at q = 1e-3,
     * σ = 5, T = 1000, δ = 1e-5).
     */
    EXTENDED(extended());

    private final double[] orders;

    RdpOrders(double[] orders) {
        this.orders = orders;
    }

    /** The orders, ascending (a fresh copy). */
    public double[] orders() {
        return orders.clone();
    }

    /** Number of orders in the list. */
    public int size() {
        return orders.length;
    }

    private static double[] opacus() {
        double[] a = new double[99 + 52];
        int n = 0;
        for (int x = 1; x < 100; x++) {
            a[n++] = 1 + x / 10.0;
        }
        for (int k = 12; k < 64; k++) {
            a[n++] = k;
        }
        return a;
    }

    private static double[] extended() {
        double[] base = opacus();
        double[] extra = {64, 80, 96, 128, 256, 512, 1024};
        double[] a = new double[base.length + 1 + extra.length];
        int n = 0;
        for (double v : base) {
            if (v == 12) {
                a[n++] = 11;
            }
            a[n++] = v;
        }
        for (double v : extra) {
            a[n++] = v;
        }
        return a;
    }
}
