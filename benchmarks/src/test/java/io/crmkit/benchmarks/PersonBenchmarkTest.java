package io.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the person-matching benchmark runnable: a tiny run on an H2 file database must plant duplicates without
 * shared identities, time the identity rules and all rules, and find the planted pairs.
 */
class PersonBenchmarkTest {

    private static final int SIZE = 5_000;

    @Test
    void findsThePlantedPersonsAndTimesBothRuleSets(@TempDir Path directory) throws Exception {
        PersonBenchmark.Result result = Benchmarks.runPersons(BenchDatabase.h2(directory.resolve("h2")), SIZE);

        assertThat(result.planted()).isBetween(SIZE * 2 / 100, SIZE * 4 / 100);
        assertThat(result.exactNanos()).isPositive();
        assertThat(result.allNanos()).isPositive();
        assertThat(result.recall()).isGreaterThanOrEqualTo(PersonBenchmark.QUALITY);
        assertThat(result.precision()).isGreaterThanOrEqualTo(PersonBenchmark.QUALITY);
        assertThat(result.line()).startsWith("persons 5000 [h2]");
        System.out.println(result.line());
    }
}
