package io.crmkit.benchmarks;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.merge.DuplicateCandidate;
import io.crmkit.api.merge.DuplicateCluster;
import io.crmkit.api.merge.MatchRules;
import io.crmkit.api.merge.MergeService;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Finds the planted duplicates of {@link PersonData} (the same person typed twice, with no shared identity) with
 * {@code crm.merges().findDuplicates(MatchRules.all(), ...)}, beside the exact identity rules
 * ({@code MatchRules.defaults()}) on the same customers: the identity rules run {@value #REPETITIONS} times (median),
 * the person rules once with their peak heap, then {@code duplicatesOf} one planted duplicate with all rules. The
 * pairs found are scored against the planted truth: recall of the planted pairs (and per mistake), precision of all
 * pairs found, and the pairs not planted counted by their reasons ({@code -Dpersons.verbose=true} prints the first
 * 40).
 */
public final class PersonBenchmark {

    /** Seed of the generated customers. */
    public static final long SEED = 17;
    /** Least acceptable recall and precision. */
    public static final double QUALITY = 0.95;
    static final int REPETITIONS = 3;

    private final DataSource pool;
    private final CrmKit kit;
    private final String prefix;

    public PersonBenchmark(DataSource pool, CrmKit kit) {
        this.pool = pool;
        this.kit = kit;
        this.prefix = kit.tablePrefix();
    }

    /** The figures of one run. */
    record Result(String database, int size, long generationNanos, int planted, long exactNanos, long allNanos,
                  long oneNanos, int clusters, int pairs, int falsePairs, double recall, double precision, long heapBytes,
                  Map<String, String> recallByMistake, Map<String, Integer> falseByReasons) {

        boolean ok() {
            return recall >= QUALITY && precision >= QUALITY;
        }

        String line() {
            return String.format("persons %d [%s]  generated in %.1f s; identity rules (defaults): %.0f ms; all rules:"
                    + " %.0f ms (%.1fx), duplicatesOf one customer %.0f ms, %d clusters, %d pairs (%d not planted), heap peak %d MB; planted %d: recall"
                    + " %.4f, precision %.4f  %s%n    recall by mistake: %s%n    pairs not planted, by reasons: %s",
                    size, database, generationNanos / 1e9, exactNanos / 1e6, allNanos / 1e6,
                    (double) allNanos / exactNanos, oneNanos / 1e6, clusters, pairs, falsePairs, heapBytes >> 20, planted, recall,
                    precision, ok() ? "OK" : "MISSED TARGET", recallByMistake, falseByReasons);
        }
    }

    /** @return the figures; the tenant's rows are deleted afterwards */
    public Result run(String database, int size) throws Exception {
        String tenant = "person-" + System.nanoTime();
        try {
            long start = System.nanoTime();
            List<PersonData.Planted> planted = PersonData.load(pool, prefix, tenant, size, SEED);
            long generation = System.nanoTime() - start;
            Crm crm = kit.as(Actor.of(tenant, "bench", Permission.ALL));
            crm.merges().findDuplicates(MatchRules.defaults(), MergeService.MAX_CLUSTERS);
            long[] exact = new long[REPETITIONS];
            for (int i = 0; i < REPETITIONS; i++) {
                start = System.nanoTime();
                crm.merges().findDuplicates(MatchRules.defaults(), MergeService.MAX_CLUSTERS);
                exact[i] = System.nanoTime() - start;
            }
            Arrays.sort(exact);

            HeapPeak.reset();
            start = System.nanoTime();
            List<DuplicateCluster> clusters = crm.merges().findDuplicates(MatchRules.all(), MergeService.MAX_CLUSTERS);
            long all = System.nanoTime() - start;
            long heap = HeapPeak.peakBytes();
            long one = 0;
            if (!planted.isEmpty()) {
                start = System.nanoTime();
                crm.merges().duplicatesOf(planted.get(planted.size() / 2).duplicateId(), MatchRules.all());
                one = System.nanoTime() - start;
            }
            return score(database, size, generation, planted, exact[REPETITIONS / 2], all, one, clusters, heap);
        } finally {
            FilterData.delete(pool, prefix, tenant);
        }
    }

    private static Result score(String database, int size, long generation, List<PersonData.Planted> planted,
                                long exact, long all, long one, List<DuplicateCluster> clusters, long heap) {
        Set<Long> found = new HashSet<>();
        Set<Long> truth = new HashSet<>();
        planted.forEach(pair -> truth.add(pairKey(pair.originalId(), pair.duplicateId())));
        Map<String, Integer> falseByReasons = new TreeMap<>();
        for (DuplicateCluster cluster : clusters) {
            for (DuplicateCandidate pair : cluster.pairs()) {
                long key = pairKey(pair.customerId(), pair.otherId());
                found.add(key);
                if (!truth.contains(key)) {
                    if (Boolean.getBoolean("persons.verbose") && falseByReasons.values().stream().mapToInt(i -> i).sum() < 40) {
                        System.out.println("  not planted: " + pair.reasons());
                    }
                    falseByReasons.merge(pair.reasons().stream().map(reason -> reason.rule().name())
                            .collect(Collectors.joining("+")), 1, Integer::sum);
                }
            }
        }
        int hits = 0;
        Map<String, int[]> byMistake = new TreeMap<>();
        for (PersonData.Planted pair : planted) {
            long key = pairKey(pair.originalId(), pair.duplicateId());
            boolean hit = found.contains(key);
            hits += hit ? 1 : 0;
            for (String mistake : (pair.mistakes().isEmpty() ? "none" : pair.mistakes()).split(" ")) {
                int[] counts = byMistake.computeIfAbsent(mistake, m -> new int[2]);
                counts[0] += hit ? 1 : 0;
                counts[1]++;
            }
        }
        Map<String, String> recallByMistake = new TreeMap<>();
        byMistake.forEach((mistake, counts) -> recallByMistake.put(mistake, String.format("%d/%d", counts[0],
                counts[1])));
        long right = found.stream().filter(truth::contains).count();
        return new Result(database, size, generation, planted.size(), exact, all, one, clusters.size(), found.size(),
                (int) (found.size() - right), planted.isEmpty() ? 1 : (double) hits / planted.size(),
                found.isEmpty() ? 1 : (double) right / found.size(), heap, recallByMistake, falseByReasons);
    }

    private static long pairKey(long a, long b) {
        return Math.min(a, b) << 32 | Math.max(a, b);
    }
}
