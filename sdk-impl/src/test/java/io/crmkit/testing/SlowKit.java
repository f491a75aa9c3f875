package io.crmkit.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.CrmKit;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A kit for a test's child JVM whose statements that match wait a while before they are prepared, so that a job the
 * child runs is still running when the test kills it, however fast the database. Closing it closes the kit and its
 * pool.
 */
final class SlowKit implements AutoCloseable {

    private final HikariDataSource pool;
    private final CrmKit kit;

    /**
     * @param url     JDBC URL, user and password in it
     * @param prefix  the kit's table prefix
     * @param lease   the job lease, renewed every quarter of it
     * @param slowed  which statements wait (by their SQL)
     * @param delay   how long each waits
     */
    SlowKit(String url, String prefix, Duration lease, Predicate<String> slowed, Duration delay) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(5);
        this.pool = new HikariDataSource(config);
        this.kit = CrmKit.builder().dataSource(StatementHooks.slow(pool, slowed, delay)).tablePrefix(prefix)
                .jobLease(lease, lease.dividedBy(4)).build();
    }

    CrmKit kit() {
        return kit;
    }

    @Override
    public void close() {
        kit.close();
        pool.close();
    }
}
