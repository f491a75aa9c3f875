package io.crmkit.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartTest {

    private static String run(Path directory) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Quickstart(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(directory);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void createsCustomersShowsTheErrorsAndCanRunAgainOnTheSameDatabase(@TempDir Path directory) {
        String first = run(directory);

        assertThat(first).contains("Defined custom field loyalty_points", "Created customer",
                "Identified Minh as valid", "she now has 1210", "Found by phone in another notation: Nguyễn Thị Lan",
                "Refused bad input: 3 invalid fields", "Refused a duplicate: phone '+84912345678' already belongs to");
        assertThat(first.lines().filter(line -> line.contains("tags="))).hasSize(3);
        assertThat(first).contains("Imported 8 rows: 6 created, 0 updated, 2 failed", "row 8: ", "row 9: ",
                "Duplicate candidates", "Merged [", "into Nguyễn Thị Lan", "lan.nguyne@example.com",
                "Exported 4 customers to " + directory.resolve("fair-hanoi-or-vip.xlsx"));
        assertThat(first).containsPattern("Fair visitors in Hanoi or VIP: \\[.*Pham Minh Chau.*\\]");
        String timeline = first.substring(first.indexOf("Timeline of customer"));
        assertThat(timeline).contains("customer_created {via=manual} by agent-7",
                "fields_changed {fields=[custom.loyalty_points]} by agent-7", "customer_created {via=import}",
                "merged {mergeId=");
        assertThat(timeline.indexOf("customer_created {via=manual}")).isLessThan(timeline.indexOf("merged {"));

        String second = run(directory);

        assertThat(second).doesNotContain("Created customer", "Defined custom field").contains("she now has 1220");
        assertThat(second).contains("The fair's visitors are already imported", "No duplicates left",
                "Exported 4 customers");
        assertThat(second.lines().filter(line -> line.contains("tags="))).hasSize(3);
    }
}
