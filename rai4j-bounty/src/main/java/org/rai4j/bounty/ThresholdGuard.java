package org.rai4j.bounty;

import java.util.Map;
import java.util.Optional;

/**
 * The plain threshold policy: the exact acceptance test Ŵ ≥ α alone, no extra gate. Offers no
 * protection against many noisy queries (2,000 random groups on noise labels get several accepted);
 * use it for tests and for bounties whose holdout is refreshed for every query. Stateless.
 */
public final class ThresholdGuard implements HoldoutGuard {
    @Override
    public String name() {
        return "threshold";
    }

    @Override
    public Optional<Reason> decide(GuardQuery query) {
        return Optional.ofNullable(query.exactReason());
    }

    @Override
    public Map<String, String> state() {
        return Map.of("guard", "threshold");
    }
}
