package io.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the bulk benchmark runnable: a tiny run on an H2 file database must time edit, tag, delete and restore on
 * both sides (the benchmark itself fails when the SDK does not process every customer).
 */
class BulkBenchmarkTest {

    @Test
    void timesEditTagDeleteAndRestoreOnBothSides(@TempDir Path directory) throws Exception {
        List<String> lines = Benchmarks.runBulk(BenchDatabase.h2(directory.resolve("h2")), 1_500);

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("bulk edit").contains("1500 [h2]").contains("ratio");
        assertThat(lines.get(1)).contains("bulk tag").contains("1500 [h2]").contains("ratio");
        assertThat(lines.get(2)).contains("bulk delete to trash");
        assertThat(lines.get(3)).contains("restore from trash");
        lines.forEach(System.out::println);
    }
}
