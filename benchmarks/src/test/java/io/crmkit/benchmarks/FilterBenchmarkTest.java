package io.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the filter benchmark runnable: a tiny run on an H2 file database must time every query on both sides,
 * and both sides must return the same ids (the benchmark itself fails when they do not).
 */
class FilterBenchmarkTest {

    private static final int SIZE = 2_000;

    @Test
    void timesEveryQueryOnBothSidesWithTheSameResults(@TempDir Path directory) throws Exception {
        FilterResult result = Benchmarks.runFilter(BenchDatabase.h2(directory.resolve("h2")), SIZE, 3, false, true);

        assertThat(result.size()).isEqualTo(SIZE);
        assertThat(result.generationNanos()).isPositive();
        assertThat(result.queries()).hasSize(10);
        for (FilterBenchmark.QueryTiming query : result.queries()) {
            assertThat(query.rows()).as(query.name()).isPositive();
            assertThat(query.sdkMedianMs()).as(query.name()).isPositive();
            assertThat(query.sqlMedianMs()).as(query.name()).isPositive();
        }
        assertThat(result.queries().stream().filter(FilterBenchmark.QueryTiming::firstPage))
                .allMatch(query -> query.rows() <= 50);
        assertThat(result.lines().get(0)).startsWith("filter 2000 [h2]");
        result.lines().forEach(System.out::println);
    }
}
