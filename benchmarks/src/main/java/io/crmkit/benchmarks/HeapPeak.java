package io.crmkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The peak heap use of a measured stretch of work, from the JVM's memory pools. The peak is the sum of
 * each heap pool's peak (eden, survivor, old generation), an upper bound since the pools need not peak at
 * the same moment; it counts garbage not yet collected, so it says how much heap the work needs to run
 * without extra collections, not how much it retains.
 */
final class HeapPeak {

    private static final List<MemoryPoolMXBean> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
            .toList();

    private HeapPeak() {
    }

    /** Collects garbage, so that earlier work does not count, and restarts every heap pool's peak. */
    static void reset() {
        System.gc();
        HEAP_POOLS.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** @return the bytes of heap used at the peak since {@link #reset()} */
    static long peakBytes() {
        return HEAP_POOLS.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
