package io.crmkit.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.CrmKit;
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
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setMaximumPoolSize(5);
        // A chunk of the recompute starts by creating the metric rows its customers lack.
        String chunkStart = "INSERT INTO " + args[1] + "customer_metric";
        try (HikariDataSource pool = new HikariDataSource(config);
             CrmKit kit = CrmKit.builder().dataSource(StatementHooks.slow(pool, sql -> sql.startsWith(chunkStart),
                     Duration.ofMillis(Long.parseLong(args[4])))).tablePrefix(args[1])
                     .jobLease(lease, lease.dividedBy(4)).build()) {
            long id = kit.as(Actor.of(args[2], "child", Permission.ALL)).activities().metrics().submitRecompute();
            System.out.println("submitted recompute " + id);
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
