package org.rai4j.testkit;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Access to the real datasets in {@code ../shared/data} (present on developer machines and in CI,
 * absent on users' machines). On a user's machine a test that needs them is skipped with a message
 * saying so; in CI ({@code CI=true}) their absence is a failure, so CI always runs these tests.
 */
public final class SharedData {
    private SharedData() {}

    /** The path of {@code relative} under the shared data folder, or a skip/fail when absent. */
    public static Path require(String relative) {
        String base = System.getProperty("rai4j.shared.data", "../shared/data");
        Path p = Path.of(base).resolve(relative).normalize();
        if (!Files.isReadable(p)) {
            String msg = "shared dataset " + relative + " not found at " + p
                    + " (it is present beside the project on developer machines and in CI only)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(msg + "; CI must run the integration tests");
            }
            Assumptions.abort(msg);
        }
        return p;
    }
}
