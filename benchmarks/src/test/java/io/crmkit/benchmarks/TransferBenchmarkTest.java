package io.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the import and export benchmarks runnable: tiny runs on an H2 file database must time both sides (each
 * benchmark itself fails when the SDK's outcome is not the expected one).
 */
class TransferBenchmarkTest {

    @Test
    void timesAnImportOnBothSides(@TempDir Path directory) throws Exception {
        List<String> lines = Benchmarks.runTransfer(BenchDatabase.h2(directory.resolve("h2")), 1_200, true);

        assertThat(lines).singleElement().asString().contains("import .xlsx").contains("1200 [h2]").contains("ratio");
        lines.forEach(System.out::println);
    }

    @Test
    void timesExportsToXlsxAndCsvAndOfARareNameOnBothSides(@TempDir Path directory) throws Exception {
        List<String> lines = Benchmarks.runTransfer(BenchDatabase.h2(directory.resolve("h2")), 1_500, false);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("export .xlsx").contains("1500 [h2]");
        assertThat(lines.get(1)).contains("export .csv");
        assertThat(lines.get(2)).contains("export .csv, rare name").contains("1500 [h2]")
                .contains("(1 customers of the keyword 'quenneville')");
        lines.forEach(System.out::println);
    }

    @Test
    void timesAnExportOfSomeCitiesOnBothSidesInRounds(@TempDir Path directory) throws Exception {
        List<String> lines = Benchmarks.runTransfer(BenchDatabase.h2(directory.resolve("h2")), 2_000, false, 5, 3);

        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).contains("2000 [h2]")
                .containsPattern("\\(\\d+ customers of 5 cities exported\\)")
                .containsPattern("\\(medians of 3 rounds, worst round's ratio \\d+\\.\\d\\d\\)"));
        lines.forEach(System.out::println);
    }

    @Test
    void refusesACityCountOutsideTheGeneratedCities(@TempDir Path directory) {
        assertThatThrownBy(() -> Benchmarks.runTransfer(BenchDatabase.h2(directory.resolve("h2")), 1_000, false, 51,
                1))
                .hasMessageContaining("cities: must be 1 to 50");
    }
}
