package org.rai4j.bounty;

import java.util.Map;
import java.util.Optional;

/** The plain threshold policy: the exact acceptance test Ŵ ≥ α alone, no extra gate. Stateless. */
public final class ThresholdGuard implements HoldoutGuard {
    @Override
    public String name() {
        return "threshold";
    }

    @Override
    public Optional<Reason> review(GuardQuery query) {
        return Optional.empty();
    }

    @Override
    public Map<String, String> state() {
        return Map.of("guard", "threshold");
    }
}
