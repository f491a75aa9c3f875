package io.crmkit.benchmarks;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.merge.DuplicateCandidate;
import io.crmkit.api.merge.DuplicateCluster;
import io.crmkit.api.merge.MatchRule;
import io.crmkit.api.merge.MatchRules;
import io.crmkit.api.merge.MergeService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Finds the planted duplicates of {@link DuplicateData} with {@code crm.merges().findDuplicates(...)}, beside the
 * baseline for the exact ones: plain SQL that groups the match keys of emails and of external ids
 * ({@code GROUP BY match_key HAVING COUNT(*) > 1}) and reads the ids holding them. The exact detection (the SDK
 * with only {@code SAME_EMAIL} and {@code SAME_EXTERNAL_ID}, threshold 1) and the baseline run alternately,
 * {@value #REPETITIONS} times each after a warm-up, and their medians are compared; both must find the same
 * customers. Then every rule runs once at the default threshold, with its peak heap, and its pairs are scored
 * against the planted truth: recall of the near and of the exact pairs, precision of all pairs found.
 */
public final class DuplicateBenchmark {

    /** Seed of the generated customers. */
    public static final long SEED = 17;
    /** Largest acceptable ratio of exact detection to the baseline. */
    public static final double RATIO = 2.0;
    /** Least acceptable recall of the planted near duplicates, and precision. */
    public static final double QUALITY = 0.95;
    static final int REPETITIONS = 5;

    private final DataSource pool;
    private final CrmKit kit;
    private final String prefix;

    public DuplicateBenchmark(DataSource pool, CrmKit kit) {
        this.pool = pool;
        this.kit = kit;
        this.prefix = kit.tablePrefix();
    }

    /** The figures of one run. */
    record Result(String database, int size, long generationNanos, int planted, int plantedNear, long exactSdkNanos,
                  long exactSqlNanos, long fullNanos, int clusters, int pairs, int falsePairs, double nearRecall,
                  double exactRecall, double precision, long heapBytes) {

        double ratio() {
            return (double) exactSdkNanos / exactSqlNanos;
        }

        boolean ok() {
            return ratio() <= RATIO && nearRecall >= QUALITY && precision >= QUALITY;
        }

        String line() {
            return String.format("duplicates %d [%s]  generated in %.1f s; exact: sdk %.0f ms, sql %.0f ms, ratio"
                    + " %.2f; all rules: %.0f ms, %d clusters, %d pairs (%d not planted), heap peak %d MB; planted %d"
                    + " (%d near): near recall %.4f, exact recall %.4f, precision %.4f  %s", size, database,
                    generationNanos / 1e9, exactSdkNanos / 1e6, exactSqlNanos / 1e6, ratio(), fullNanos / 1e6, clusters,
                    pairs, falsePairs, heapBytes >> 20, planted, plantedNear, nearRecall, exactRecall, precision,
                    ok() ? "OK" : "MISSED TARGET");
        }
    }

    /** @return the figures; the tenant's rows are deleted afterwards */
    public Result run(String database, int size) throws Exception {
        String tenant = "dup-" + System.nanoTime();
        try {
            long start = System.nanoTime();
            List<DuplicateData.Planted> planted = DuplicateData.load(pool, prefix, tenant, size, SEED);
            long generation = System.nanoTime() - start;
            Crm crm = kit.as(Actor.of(tenant, "bench", Permission.ALL));
            MatchRules exactRules = MatchRules.of(MatchRule.SAME_EMAIL, MatchRule.SAME_EXTERNAL_ID).withThreshold(1);

            Set<Long> sdkIds = customers(crm.merges().findDuplicates(exactRules, MergeService.MAX_CLUSTERS));
            Set<Long> sqlIds = baseline(tenant);
            if (!sdkIds.equals(sqlIds)) {
                throw new IllegalStateException("exact detection found " + sdkIds.size() + " customers, the baseline "
                        + sqlIds.size());
            }
            long[] sdk = new long[REPETITIONS];
            long[] sql = new long[REPETITIONS];
            for (int i = 0; i < REPETITIONS; i++) {
                start = System.nanoTime();
                crm.merges().findDuplicates(exactRules, MergeService.MAX_CLUSTERS);
                sdk[i] = System.nanoTime() - start;
                start = System.nanoTime();
                baseline(tenant);
                sql[i] = System.nanoTime() - start;
            }

            HeapPeak.reset();
            start = System.nanoTime();
            List<DuplicateCluster> clusters = crm.merges().findDuplicates(MatchRules.defaults(),
                    MergeService.MAX_CLUSTERS);
            long full = System.nanoTime() - start;
            long heap = HeapPeak.peakBytes();
            return score(database, size, generation, planted, median(sdk), median(sql), full, clusters, heap);
        } finally {
            FilterData.delete(pool, prefix, tenant);
        }
    }

    private static Result score(String database, int size, long generation, List<DuplicateData.Planted> planted,
                                long sdk, long sql, long full, List<DuplicateCluster> clusters, long heap) {
        Set<Long> found = new HashSet<>();
        for (DuplicateCluster cluster : clusters) {
            for (DuplicateCandidate pair : cluster.pairs()) {
                found.add(pairKey(pair.customerId(), pair.otherId()));
            }
        }
        int near = 0;
        int nearFound = 0;
        int exactFound = 0;
        Set<Long> truth = new HashSet<>();
        for (DuplicateData.Planted pair : planted) {
            long key = pairKey(pair.originalId(), pair.duplicateId());
            truth.add(key);
            boolean hit = found.contains(key);
            if (pair.exact()) {
                exactFound += hit ? 1 : 0;
            } else {
                near++;
                nearFound += hit ? 1 : 0;
            }
        }
        long right = found.stream().filter(truth::contains).count();
        int exact = planted.size() - near;
        return new Result(database, size, generation, planted.size(), near, sdk, sql, full, clusters.size(),
                found.size(), (int) (found.size() - right), near == 0 ? 1 : (double) nearFound / near, exact == 0 ? 1 : (double) exactFound / exact,
                found.isEmpty() ? 1 : (double) right / found.size(), heap);
    }

    /** The baseline: the ids of the customers holding an email or external id whose match key is held twice. */
    private Set<Long> baseline(String tenant) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT i.match_key, i.customer_id FROM "
                     + prefix + "identity i WHERE i.tenant_id = ? AND i.id_type = ? AND i.match_key IN (SELECT"
                     + " g.match_key FROM " + prefix + "identity g WHERE g.tenant_id = ? AND g.id_type = ?"
                     + " GROUP BY g.match_key HAVING COUNT(*) > 1)")) {
            for (String type : List.of("email", "external_id")) {
                statement.setString(1, tenant);
                statement.setString(2, type);
                statement.setString(3, tenant);
                statement.setString(4, type);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getString(1);
                        ids.add(rows.getLong(2));
                    }
                }
            }
        }
        return ids;
    }

    private static Set<Long> customers(List<DuplicateCluster> clusters) {
        Set<Long> ids = new HashSet<>();
        clusters.forEach(cluster -> ids.addAll(cluster.customerIds()));
        return ids;
    }

    private static long pairKey(long a, long b) {
        return Math.min(a, b) << 32 | Math.max(a, b);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
