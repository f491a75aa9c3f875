package io.crmkit.testing;

import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import java.time.Duration;

/**
 * A test-only program: builds a kit on a JDBC URL whose every chunk of a recompute of metrics takes a while longer,
 * submits one recompute as a scheduled job, and waits while its kit's scheduler runs it, for a test to kill midway.
 * Arguments: JDBC URL (user and password in it), table prefix, tenant, job lease in milliseconds (renewed every
 * quarter of it), the delay added to each chunk in milliseconds.
 */
public final class SubmitMetricsInChildJvm {

    private SubmitMetricsInChildJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        Duration lease = Duration.ofMillis(Long.parseLong(args[3]));
        // A chunk of the recompute writes its customers' metric rows in one upsert (on H2 a MERGE INTO).
        String chunkStart = "INTO " + args[1] + "customer_metric (";
        try (SlowKit slow = new SlowKit(args[0], args[1], lease, sql -> (sql.startsWith("INSERT " + chunkStart)
                || sql.startsWith("MERGE " + chunkStart)),
                Duration.ofMillis(Long.parseLong(args[4])))) {
            long id = slow.kit().as(Actor.of(args[2], "child", Permission.ALL)).activities().metrics()
                    .submitRecompute();
            System.out.println("submitted recompute " + id);
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
