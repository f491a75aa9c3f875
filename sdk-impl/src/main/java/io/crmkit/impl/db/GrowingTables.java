package io.crmkit.impl.db;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the planner's statistics of tables this kit fills up to date where the database needs it
 * (PostgreSQL, see {@link Database#analyze}): after {@value #FIRST} rows written into a group of tables, then
 * each time the number doubles. Without it a table that grows from empty within minutes (an import, a stream of
 * events, a first rating of every customer) is planned as if it were still empty, and look-ups turn into scans
 * that get slower with every row, until autovacuum comes by.
 *
 * <p>The refresh runs on a thread of its own ({@code crmkit-table-statistics}, a daemon started at the first
 * refresh), as autovacuum would, so the writer that crossed a threshold does not wait for it (an ANALYZE of a
 * large table takes hundreds of milliseconds); a group whose refresh is still queued is not queued twice. A failed
 * refresh is logged, never thrown. Thread-safe; one per kit, {@link #close() closed} with it.
 */
public final class GrowingTables implements AutoCloseable {

    /** Rows written into a group of tables before their statistics are refreshed the first time. */
    static final long FIRST = 5_000;
    /** How long {@link #close()} waits for a refresh in progress. */
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final Database database;
    private final Map<List<String>, long[]> written = new ConcurrentHashMap<>();
    private final Set<List<String>> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "crmkit-table-statistics");
        thread.setDaemon(true);
        return thread;
    });

    public GrowingTables(Database database) {
        this.database = database;
    }

    /**
     * Counts rows written into the tables (full names) and, when a threshold is crossed, queues the refresh of
     * their statistics. Call it after the writing transaction committed.
     */
    public void wrote(List<String> tables, long rows) {
        List<String> group = List.copyOf(tables);
        long[] state = written.computeIfAbsent(group, key -> new long[] {0, FIRST});
        boolean refresh;
        synchronized (state) {
            state[0] += rows;
            refresh = state[0] >= state[1];
            if (refresh) {
                state[1] = Math.max(state[1] * 2, state[0]);
            }
        }
        if (refresh && queued.add(group)) {
            try {
                refresher.execute(() -> {
                    queued.remove(group); // rows written from now on get a refresh of their own
                    database.analyze(group);
                });
            } catch (RejectedExecutionException closed) {
                queued.remove(group);
            }
        }
    }

    /** Stops taking refreshes and waits a few seconds for the one in progress, if any. */
    @Override
    public void close() {
        refresher.shutdown();
        try {
            refresher.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
