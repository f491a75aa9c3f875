package io.crmkit.benchmarks;

import java.util.Locale;

/**
 * What the create benchmark measured on one database: the time of {@code size} single creates through the
 * SDK and of the same rows written with plain JDBC, the peak heap of each, and the rows each side left in
 * the database.
 *
 * @param database              the database label: h2, postgres or mariadb
 * @param size                  creates measured on each side
 * @param sdkNanos              total time of the SDK creates, over all rounds
 * @param baselineNanos         total time of the plain-JDBC creates, over all rounds
 * @param sdkPeakHeapBytes      the highest peak heap of the SDK's rounds (see {@code HeapPeak})
 * @param baselinePeakHeapBytes the highest peak heap of the baseline's rounds
 * @param sdkRows               rows of the SDK's tenant after the run
 * @param baselineRows          rows of the baseline's tenant after the run
 */
public record CreateResult(String database, int size, long sdkNanos, long baselineNanos, long sdkPeakHeapBytes,
                           long baselinePeakHeapBytes, RowCounts sdkRows, RowCounts baselineRows) {

    /** The SDK may take at most this many times the baseline's time. */
    public static final double TARGET_RATIO = 1.5;

    private static final long MB = 1024 * 1024;

    /** @return SDK time divided by baseline time */
    public double ratio() {
        return (double) sdkNanos / baselineNanos;
    }

    /** @return whether {@link #ratio()} is within {@link #TARGET_RATIO} */
    public boolean meetsTarget() {
        return ratio() <= TARGET_RATIO;
    }

    /** @return the mean time of one SDK create, in microseconds */
    public double sdkMicrosPerOp() {
        return sdkNanos / 1_000.0 / size;
    }

    /** @return the mean time of one baseline create, in microseconds */
    public double baselineMicrosPerOp() {
        return baselineNanos / 1_000.0 / size;
    }

    /**
     * @return one line of the results table, such as {@code create 10000 [h2]  sdk 4321 ms (432 us/op)  jdbc
     *         3100 ms (310 us/op)  ratio 1.39  peak heap 85 MB (jdbc 40 MB)  target <= 1.5 OK}
     */
    public String line() {
        return String.format(Locale.ROOT,
                "create %d %-10s sdk %6d ms (%4.0f us/op)  jdbc %6d ms (%4.0f us/op)  ratio %.2f"
                        + "  peak heap %d MB (jdbc %d MB)  target <= %.1f %s",
                size, "[" + database + "]", sdkNanos / 1_000_000, sdkMicrosPerOp(), baselineNanos / 1_000_000,
                baselineMicrosPerOp(), ratio(), sdkPeakHeapBytes / MB, baselinePeakHeapBytes / MB, TARGET_RATIO,
                meetsTarget() ? "OK" : "MISSED");
    }
}
