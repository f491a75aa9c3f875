package io.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the activity benchmark runnable: a tiny run on an H2 file database must append on both sides, read the
 * newest page of a long timeline, refresh the metrics after the events and rate customers beside the hand-written
 * SQL (the benchmark fails when a page is short or the SQL's metric rows differ from the SDK's).
 */
class ActivityBenchmarkTest {

    @Test
    void timesAppendReadAndRatings(@TempDir Path directory) throws Exception {
        List<String> lines = Benchmarks.runActivity(BenchDatabase.h2(directory.resolve("h2")), 200);

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("append events").contains("2000 [h2]").contains("ratio");
        assertThat(lines.get(1)).contains("refresh after events").contains("2000 [h2]").contains("append")
                .contains("ratio");
        assertThat(lines.get(2)).contains("newest 50 events");
        assertThat(lines.get(3)).contains("recompute RFM ratings").contains("2000 [h2]").contains("sql")
                .contains("ratio").contains("same as the SQL");
    }
}
