package org.rai4j.report;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The fuzz oracles' check that an error message shows none of Jackson's internals. */
final class Internals {
    private Internals() {}

    /**
     * Asserts that {@code message} contains none of {@code markers}, except a marker the input itself contains: messages
     * quote the user's text (a fuzzed JSON string {@code "Un en[Source: d-of-nputQ{!"} is quoted back, and is no internal).
     */
    static void assertNone(String message, byte[] input, String... markers) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (String marker : markers) {
            if (!text.contains(marker)) {
                assertThat(message).doesNotContain(marker);
            }
        }
    }
}
