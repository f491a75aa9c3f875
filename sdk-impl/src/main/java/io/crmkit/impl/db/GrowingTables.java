package io.crmkit.impl.db;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the planner's statistics of tables this kit fills up to date where the database needs it
 * (PostgreSQL, see {@link Database#analyze}): after {@value #FIRST} rows written into a group of tables, then
 * each time the number doubles. Without it a table that grows from empty within minutes (an import, a stream of
 * events, a first rating of every customer) is planned as if it were still empty, and look-ups turn into scans
 * that get slower with every row, until autovacuum comes by. Thread-safe; one per kit.
 */
public final class GrowingTables {

    /** Rows written into a group of tables before their statistics are refreshed the first time. */
    static final long FIRST = 5_000;

    private final Database database;
    private final Map<List<String>, long[]> written = new ConcurrentHashMap<>();

    public GrowingTables(Database database) {
        this.database = database;
    }

    /**
     * Counts rows written into the tables (full names) and refreshes their statistics when a threshold is
     * crossed. Call it after the writing transaction committed.
     */
    public void wrote(List<String> tables, long rows) {
        long[] state = written.computeIfAbsent(List.copyOf(tables), key -> new long[] {0, FIRST});
        boolean refresh;
        synchronized (state) {
            state[0] += rows;
            refresh = state[0] >= state[1];
            if (refresh) {
                state[1] = Math.max(state[1] * 2, state[0]);
            }
        }
        if (refresh) {
            database.analyze(tables);
        }
    }
}
