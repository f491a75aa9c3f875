package io.crmkit.impl.activity;

import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.GrowingTables;
import io.crmkit.impl.db.IdStatements;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the activity metrics of customers whose events changed, on the kit's job threads, so that recording
 * events costs the events' writes only. Customers queue up while a refresh runs and are refreshed
 * {@value IdStatements#MAX_IDS} per transaction; one task drains the queue at a time. The queue is this process's
 * memory, not a stored job: the metrics are a cache of the events and orders, which a recompute of the tenant's
 * metrics (a persistent job, {@code Metrics.submitRecompute}, or {@code recomputeRatings()}) makes right. So what is
 * queued when the process stops is not refreshed until the next recompute (or a refresh on demand), and a failed
 * refresh is logged and its customers dropped. One per kit; thread-safe.
 */
public final class MetricsRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsRefresher.class);

    private final Database database;
    private final ExecutorService executor;
    private final GrowingTables growing;
    private final Clock clock;
    private final MetricsStore store;
    private final String metricTable;
    private final String eventTable;
    /** Customers to refresh, by tenant; guarded by this. */
    private final Map<String, Set<Long>> pending = new LinkedHashMap<>();
    /** Whether a drain task is scheduled or running; guarded by this. */
    private boolean draining;
    /** Events recorded since the drain last told {@link GrowingTables}; guarded by this. */
    private long events;

    public MetricsRefresher(String prefix, IdStatements sql, Database database, ExecutorService executor,
                            GrowingTables growing, Clock clock) {
        this.database = database;
        this.executor = executor;
        this.growing = growing;
        this.clock = clock;
        this.store = new MetricsStore(prefix, sql);
        this.metricTable = prefix + "customer_metric";
        this.eventTable = prefix + "event";
    }

    /** Queues the customers, whose {@code recorded} events were just committed, for a refresh. */
    public void changed(String tenantId, Collection<Long> customerIds, long recorded) {
        synchronized (this) {
            pending.computeIfAbsent(tenantId, key -> new LinkedHashSet<>()).addAll(customerIds);
            events += recorded;
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException closed) {
            synchronized (this) {
                draining = false;
                pending.clear();
                notifyAll();
            }
            LOG.debug("the kit is closing; metrics of {} customer(s) are left for the next recompute",
                    customerIds.size());
        }
    }

    /**
     * Waits until every customer queued so far is refreshed.
     *
     * @return false when the timeout passed first
     */
    public synchronized boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (draining) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void drain() {
        while (true) {
            String tenant;
            List<Long> chunk = new ArrayList<>(IdStatements.MAX_IDS);
            long recorded;
            synchronized (this) {
                recorded = events;
                events = 0;
                Iterator<Map.Entry<String, Set<Long>>> tenants = pending.entrySet().iterator();
                if (!tenants.hasNext()) {
                    draining = false;
                    notifyAll();
                    return;
                }
                Map.Entry<String, Set<Long>> next = tenants.next();
                tenant = next.getKey();
                Iterator<Long> ids = next.getValue().iterator();
                while (ids.hasNext() && chunk.size() < IdStatements.MAX_IDS) {
                    chunk.add(ids.next());
                    ids.remove();
                }
                if (next.getValue().isEmpty()) {
                    tenants.remove();
                }
            }
            // The events' statistics first: the refresh reads the events by customer and time.
            growing.wrote(List.of(eventTable), recorded);
            refresh(tenant, chunk);
        }
    }

    private void refresh(String tenant, List<Long> chunk) {
        try {
            database.write("refresh customer metrics", session -> {
                store.refreshActivity(session.getConnection(), tenant, chunk, clock.instant());
                return null;
            });
            growing.wrote(List.of(metricTable), chunk.size());
        } catch (RuntimeException e) {
            LOG.warn("could not refresh the metrics of {} customer(s) of tenant '{}': {}; they stay as they were"
                    + " until the next recompute", chunk.size(), tenant, e.getMessage());
        }
    }
}
