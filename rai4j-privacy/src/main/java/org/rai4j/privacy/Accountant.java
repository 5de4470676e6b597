package org.rai4j.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * The privacy accountants, as a choice for users: each turns a list of training segments and δ into ε.
 * All assume Poisson sampling and add/remove-one adjacency, as DP-SGD's analysis does.
 */
public enum Accountant {
    /** Rényi DP with Opacus's default orders ({@link Rdp}): an upper bound, exact to ~1e-10. */
    RDP,
    /** Privacy loss random variables ({@link Prv}): a tighter upper bound (εerr = 0.01). */
    PRV,
    /** Gaussian DP by the central limit theorem ({@link Gdp}): an approximation, not a bound. */
    GDP;

    /** The lower-case name used on the command line and in JSON. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The accountant named {@code key} (rdp, prv or gdp; case-insensitive). */
    public static Accountant parse(String key) {
        for (Accountant a : values()) {
            if (a.key().equalsIgnoreCase(key.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("accountant must be one of rdp, prv, gdp, got '" + key + "'");
    }

    /** ε spent by the segments at δ, with the accountant's details and warnings (RDP: Opacus's orders). */
    public PrivacySpent epsilon(List<Segment> segments, double delta) {
        return epsilon(segments, delta, RdpOrders.OPACUS_DEFAULT);
    }

    /** ε spent by the segments at δ; {@code orders} is used by the RDP accountant only. */
    public PrivacySpent epsilon(List<Segment> segments, double delta, RdpOrders orders) {
        PrivacySpent spent = compute(segments, delta, orders);
        if (spent.epsilon() != Double.POSITIVE_INFINITY) {
            return spent;
        }
        List<String> warnings = new ArrayList<>(spent.warnings());
        warnings.add(0, infiniteReason(segments));
        return new PrivacySpent(spent.accountant(), spent.epsilon(), spent.delta(), spent.optimalOrder(),
                spent.estimate(), warnings);
    }

    /** Why ε is infinite: no noise, or too little for any finite bound at these orders. */
    static String infiniteReason(List<Segment> segments) {
        double smallest = Double.POSITIVE_INFINITY;
        for (Segment s : segments) {
            if (s.steps() > 0 && s.sampleRate() > 0) {
                smallest = Math.min(smallest, s.noiseMultiplier());
            }
        }
        if (smallest == 0) {
            return "noise multiplier 0 adds no noise: there is no differential privacy guarantee "
                    + "(epsilon is infinite and there is no optimal order)";
        }
        return "epsilon is infinite: noise multiplier " + smallest + " is too small for any finite guarantee "
                + "(no optimal order)";
    }

    private PrivacySpent compute(List<Segment> segments, double delta, RdpOrders orders) {
        List<String> warnings = new ArrayList<>();
        switch (this) {
            case RDP -> {
                RdpEpsilon e = Rdp.epsilon(segments, delta, orders);
                if (e.edgeWarning() != null) {
                    warnings.add(e.edgeWarning());
                }
                return new PrivacySpent(this, e.epsilon(), delta, e.optimalOrder(), Double.NaN, warnings);
            }
            case PRV -> {
                PrvEpsilon e = Prv.epsilon(segments, delta);
                return new PrivacySpent(this, e.upperBound(), delta, Double.NaN, e.estimate(), warnings);
            }
            default -> {
                warnings.add("GDP (central limit theorem) is an approximation and can underestimate epsilon; "
                        + "report the RDP or PRV value as the guarantee");
                return new PrivacySpent(this, Gdp.epsilon(segments, delta), delta, Double.NaN, Double.NaN, warnings);
            }
        }
    }

    /** ε of {@code steps} identical steps. */
    public double epsilon(double noiseMultiplier, double sampleRate, long steps, double delta) {
        return epsilon(List.of(new Segment(noiseMultiplier, sampleRate, steps)), delta).epsilon();
    }
}
