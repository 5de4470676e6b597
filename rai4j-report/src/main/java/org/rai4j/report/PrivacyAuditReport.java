package org.rai4j.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rai4j.privacy.audit.OneRunAudit;

/** Renderings of privacy audits (membership inference, empirical ε): JSON under the one policy, and text. */
public final class PrivacyAuditReport {
    private PrivacyAuditReport() {}

    /** A one-run audit bound as one JSON object: the bound first, then the counts and settings it came from. */
    public static ObjectNode boundJson(OneRunAudit.Bound b) {
        ObjectNode o = Json.object();
        Json.put(o, "epsilon_lower_bound", b.epsilonLowerBound());
        o.put("confidence", 1 - b.beta());
        o.put("canaries", b.canaries());
        o.put("guesses", b.guesses());
        o.put("correct", b.correct());
        o.put("delta", b.delta());
        o.put("method", "one-run (Steinke, Nasr, Jagielski 2023)");
        return o;
    }

    /** A one-run audit bound as text. */
    public static String boundText(OneRunAudit.Bound b) {
        return String.format("epsilon lower bound  %.6f  (confidence %s, delta %s)%n", b.epsilonLowerBound(),
                percent(1 - b.beta()), b.delta())
                + String.format("guesses              %d correct of %d guesses on %d canaries%n", b.correct(), b.guesses(),
                b.canaries())
                + String.format("method               one-run audit (Steinke, Nasr, Jagielski 2023)%n");
    }

    private static String percent(double c) {
        String s = String.format("%.4f", 100 * c).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + "%";
    }
}
