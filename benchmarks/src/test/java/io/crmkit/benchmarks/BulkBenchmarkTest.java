package io.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the bulk benchmark runnable: a tiny run on an H2 file database must time edit, tag, delete, restore and erase
 * on both sides, the restore and the erase also against the SDK's delete (the benchmark itself fails when the SDK
 * does not process every customer).
 */
class BulkBenchmarkTest {

    @Test
    void timesEditTagDeleteRestoreAndEraseOnBothSides(@TempDir Path directory) throws Exception {
        List<String> lines = Benchmarks.runBulk(BenchDatabase.h2(directory.resolve("h2")), 1_500);

        assertThat(lines).hasSize(5 + BulkBenchmark.TAG_RUNS);
        assertThat(lines.get(0)).contains("bulk edit").contains("1500 [h2]").contains("ratio");
        for (int run = 1; run <= BulkBenchmark.TAG_RUNS; run++) {
            assertThat(lines.get(run)).contains("bulk tag, run " + run).contains("1500 [h2]").contains("ratio");
        }
        int after = BulkBenchmark.TAG_RUNS + 1;
        assertThat(lines.get(after)).contains("bulk tag, 5 runs").contains("median ratio").contains("worst");
        assertThat(lines.get(after + 1)).contains("bulk delete to trash");
        assertThat(lines.get(after + 2)).contains("restore from trash").contains("to sdk delete").contains("1.5");
        assertThat(lines.get(after + 3)).contains("erase from trash").contains("1500 [h2]").contains("to sdk delete")
                .contains("1.5");
        lines.forEach(System.out::println);
    }
}
