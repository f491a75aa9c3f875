package io.crmkit.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What the shards of a {@link ShardedDataSource} were sent: the pools ShardingSphere gets record the SQL of every
 * statement prepared on them, with the shard's name, for tests of the routing.
 */
public final class ShardStatements {

    /** One statement a shard prepared. */
    public record Sent(String shard, String sql) {
    }

    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();

    /**
     * @return a pool on the shard's URL whose connections record what is prepared on them under {@code shard}: a
     *         plain HikariDataSource with its JDBC URL set, since ShardingSphere reads the pool's settings from it,
     *         lending connections of a recording DataSource
     */
    HikariDataSource recording(String shard, HikariConfig config) {
        PGSimpleDataSource driver = new PGSimpleDataSource();
        driver.setURL(config.getJdbcUrl());
        config.setDataSource(StatementHooks.recording(driver, sql -> sent.add(new Sent(shard, sql))));
        return new HikariDataSource(config);
    }

    /** Forgets what was recorded so far. */
    public void clear() {
        sent.clear();
    }

    /** @return what was recorded since the last {@link #clear()}, in order */
    public List<Sent> sent() {
        return List.copyOf(sent);
    }
}
