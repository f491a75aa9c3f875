package io.crmkit.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * What the filter benchmark measured on one database.
 *
 * @param database        the database's label
 * @param size            customers generated
 * @param generationNanos time to generate and load them with plain JDBC (and ANALYZE)
 * @param queries         the medians per query
 */
public record FilterResult(String database, int size, long generationNanos,
                           List<FilterBenchmark.QueryTiming> queries) {

    public FilterResult {
        queries = List.copyOf(queries);
    }

    /** @return whether every query is within the ratio target and every first page that has a target in time */
    public boolean passed() {
        return queries.stream().allMatch(query -> ratioPassed(query) && firstPagePassed(query));
    }

    /** @return the table: a header line, one line per query and a verdict */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("filter %d [%s]  generated in %.1f s", size, database, generationNanos / 1e9));
        lines.add(String.format("  %-28s %8s %9s %9s %7s  %-10s %s", "query", "rows", "sdk ms", "sql ms", "ratio",
                "ratio<=" + FilterBenchmark.RATIO_TARGET, "first page"));
        for (FilterBenchmark.QueryTiming query : queries) {
            String firstPage = !query.firstPage() ? "-" : Double.isInfinite(query.targetMs()) ? "reported"
                    : "<" + (int) query.targetMs() + "ms " + (firstPagePassed(query) ? "ok" : "FAIL");
            lines.add(String.format("  %-28s %8d %9.2f %9.2f %7.2f  %-10s %s", query.name(), query.rows(),
                    query.sdkMedianMs(), query.sqlMedianMs(), query.ratio(), ratioPassed(query) ? "ok" : "FAIL",
                    firstPage));
        }
        lines.add("  => " + (passed() ? "PASS" : "FAIL") + " on " + database);
        return lines;
    }

    private static boolean ratioPassed(FilterBenchmark.QueryTiming query) {
        return query.ratio() <= FilterBenchmark.RATIO_TARGET;
    }

    private boolean firstPagePassed(FilterBenchmark.QueryTiming query) {
        return !query.firstPage() || query.sdkMedianMs() < query.targetMs();
    }
}
