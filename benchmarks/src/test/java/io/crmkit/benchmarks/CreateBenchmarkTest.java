package io.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.impl.identity.EmailNormalizer;
import io.crmkit.impl.identity.PhoneNormalizer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the create benchmark runnable: a tiny run on an H2 file database must measure real work. */
class CreateBenchmarkTest {

    private static final int SIZE = 50;

    @Test
    void writesTheSameRowsOnBothSidesAndTimesEach(@TempDir Path directory) throws Exception {
        CreateResult result = Benchmarks.run(BenchDatabase.h2(directory.resolve("h2")), SIZE);

        RowCounts expected = RowCounts.expected(SampleCustomer.generate(CreateBenchmark.SEED, SIZE));
        assertThat(result.sdkRows().customers()).isEqualTo(SIZE);
        assertThat(result.baselineRows().customers()).isEqualTo(SIZE);
        assertThat(result.sdkRows()).isEqualTo(expected).isEqualTo(result.baselineRows());
        assertThat(result.sdkNanos()).isPositive();
        assertThat(result.baselineNanos()).isPositive();
        assertThat(result.ratio()).isPositive();
        assertThat(result.sdkPeakHeapBytes()).isPositive();
        assertThat(result.line()).startsWith("create 50 [h2]");
    }

    @Test
    void generatesTheSameDistinctAlreadyNormalizedCustomersFromTheSameSeed() {
        PhoneNormalizer phonesOfVietnam = new PhoneNormalizer("VN");
        List<SampleCustomer> first = SampleCustomer.generate(CreateBenchmark.SEED, 2_000);
        List<SampleCustomer> second = SampleCustomer.generate(CreateBenchmark.SEED, 2_000);

        assertThat(first).isEqualTo(second);
        Set<String> phones = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (SampleCustomer customer : first) {
            assertThat(customer.phones()).hasSizeBetween(1, 2)
                    .allMatch(phone -> phone.matches("\\+849[0134678]\\d{7}"))
                    .allMatch(phone -> phonesOfVietnam.normalize(phone).equals(phone));
            assertThat(EmailNormalizer.normalize(customer.email())).isEqualTo(customer.email());
            assertThat(customer.tags()).hasSizeBetween(2, 3).doesNotHaveDuplicates();
            phones.addAll(customer.phones());
            emails.add(customer.email());
        }
        assertThat(phones).hasSize(first.stream().mapToInt(customer -> customer.phones().size()).sum());
        assertThat(emails).hasSize(first.size());
    }
}
