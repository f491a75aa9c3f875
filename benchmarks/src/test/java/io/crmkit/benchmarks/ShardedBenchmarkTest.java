package io.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the sharded benchmark runnable: a tiny run on the local PostgreSQL and its two shard databases, when the
 * tests have them ({@code CRMKIT_TEST_SHARDED_URLS} set, as {@code .ci/run} does).
 */
class ShardedBenchmarkTest {

    @Test
    void timesCreatesAndReadsOnOneDatabaseAndOnTwoShards() throws Exception {
        String shards = System.getenv("CRMKIT_TEST_SHARDED_URLS");
        assumeTrue(shards != null && !shards.isBlank(), "needs the shard databases of the [sharded] test target");

        List<String> lines = Benchmarks.runSharded(BenchDatabase.postgres(), 64, 3);

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("create").contains("64 [postgres x2]").contains("ratio");
        assertThat(lines.get(1)).contains("filter first page / count").contains("ratio");
        assertThat(lines.get(2)).contains("primary-key read").contains("100 [postgres x2]").contains(" us");
        assertThat(lines.get(3)).contains("ds_0:").contains("ds_1:");
        lines.forEach(System.out::println);
    }
}
