package org.rai4j.privacy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class PrivacyBatchTest {
    @Test
    void run_oneRowFails_othersComeOutInOrder() {
        List<Integer> failed = new CopyOnWriteArrayList<>();
        List<PrivacyBatch.Row<Integer>> rows = PrivacyBatch.run(1000, r -> {
            if (r == 500) {
                throw new IllegalArgumentException("bad row");
            }
            return r * r;
        }, new PrivacyBatch.Listener() {
            @Override
            public void failed(int row, String message) {
                failed.add(row);
            }

            @Override
            public void progress(int done, int total, double rowsPerSecond) { }
        });
        assertThat(rows).hasSize(1000);
        assertThat(rows.get(499).value()).isEqualTo(499 * 499);
        assertThat(rows.get(500).failed()).isTrue();
        assertThat(rows.get(500).error()).isEqualTo("bad row");
        assertThat(PrivacyBatch.failures(rows)).isEqualTo(1);
        assertThat(failed).containsExactly(500);
    }
}
