package io.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the duplicates benchmark runnable: a tiny run on an H2 file database must plant duplicates, time both
 * sides of exact detection (the benchmark itself fails when they find different customers) and find the planted
 * pairs.
 */
class DuplicateBenchmarkTest {

    private static final int SIZE = 5_000;

    @Test
    void findsThePlantedDuplicatesAndTimesBothSides(@TempDir Path directory) throws Exception {
        DuplicateBenchmark.Result result = Benchmarks.runDuplicates(BenchDatabase.h2(directory.resolve("h2")), SIZE);

        assertThat(result.planted()).isBetween(SIZE / 100, SIZE * 3 / 100);
        assertThat(result.plantedNear()).isBetween(result.planted() / 2 - 1, result.planted() / 2 + 1);
        assertThat(result.exactSdkNanos()).isPositive();
        assertThat(result.exactSqlNanos()).isPositive();
        assertThat(result.nearRecall()).isGreaterThanOrEqualTo(DuplicateBenchmark.QUALITY);
        assertThat(result.exactRecall()).isGreaterThanOrEqualTo(DuplicateBenchmark.QUALITY);
        assertThat(result.precision()).isGreaterThanOrEqualTo(DuplicateBenchmark.QUALITY);
        assertThat(result.line()).startsWith("duplicates 5000 [h2]");
        System.out.println(result.line());
    }
}
