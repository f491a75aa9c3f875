package io.crmkit.impl.activity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A recompute commits every 1% of the customers, in chunks of 1,000 to 10,000. */
class MetricsChunkTest {

    @Test
    void aChunkIsOnePercentOfTheCustomersWithinItsBounds() {
        assertThat(MetricsRecompute.chunkSize(0)).isEqualTo(1_000);
        assertThat(MetricsRecompute.chunkSize(2_510)).isEqualTo(1_000);
        assertThat(MetricsRecompute.chunkSize(250_000)).isEqualTo(2_500);
        assertThat(MetricsRecompute.chunkSize(1_000_000)).isEqualTo(10_000);
        assertThat(MetricsRecompute.chunkSize(50_000_000)).isEqualTo(10_000);
    }
}
