package io.crmkit.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.CrmKit;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;

/**
 * ShardingSphere-JDBC over the {@code [sharded]} target's databases ({@link TestDatabases#shardUrls()}, named
 * {@code ds_0}, {@code ds_1}, ...), with the rules CRMKit ships ({@value #RULES}): every CRMKit table of the prefix
 * {@code crm_} sharded by {@code tenant_id}. A kit works through {@link #routed()} and migrates
 * {@link #shards()}.
 */
public final class ShardedDataSource implements AutoCloseable {

    /** The sharding rules CRMKit ships for its tables. */
    public static final String RULES = "/io/crmkit/sharding/crmkit-sharding.yaml";

    private final DataSource routed;
    private final List<HikariDataSource> shards;
    private final List<HikariDataSource> pools;

    private ShardedDataSource(DataSource routed, List<HikariDataSource> shards, List<HikariDataSource> pools) {
        this.routed = routed;
        this.shards = shards;
        this.pools = pools;
    }

    /**
     * @param name     the pools' name
     * @param recorder records what ShardingSphere sends each shard
     */
    public static ShardedDataSource open(String name, ShardStatements recorder) {
        List<HikariDataSource> shards = new ArrayList<>();
        List<HikariDataSource> pools = new ArrayList<>();
        Map<String, DataSource> routed = new LinkedHashMap<>();
        List<String> urls = TestDatabases.shardUrls();
        try {
            for (int i = 0; i < urls.size(); i++) {
                HikariDataSource shard = new HikariDataSource(config(urls.get(i), name + "-shard" + i));
                shards.add(shard);
                // ShardingSphere reads the tables when it starts: they must exist by then.
                CrmKit.builder().dataSource(shard).build().close();
                HikariDataSource pool = recorder.recording("ds_" + i, config(urls.get(i), name + "-ds_" + i));
                pools.add(pool);
                routed.put("ds_" + i, pool);
            }
            try (InputStream yaml = ShardedDataSource.class.getResourceAsStream(RULES)) {
                return new ShardedDataSource(YamlShardingSphereDataSourceFactory.createDataSource(routed,
                        yaml.readAllBytes()), shards, pools);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            shards.forEach(HikariDataSource::close);
            pools.forEach(HikariDataSource::close);
            throw new IllegalStateException("cannot open ShardingSphere over " + urls, e);
        }
    }

    private static HikariConfig config(String url, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(8);
        config.setPoolName(name);
        return config;
    }

    /** @return the shard index the rules route a tenant to */
    public static int shardOf(String tenantId) {
        return Math.abs(tenantId.hashCode() % 2);
    }

    /** @return ShardingSphere's DataSource, routing each statement by its tenant */
    public DataSource routed() {
        return routed;
    }

    /** @return each shard's own pool (not the ones ShardingSphere uses), in order */
    public List<DataSource> shards() {
        return List.copyOf(shards);
    }

    @Override
    public void close() {
        try {
            ((AutoCloseable) routed).close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close ShardingSphere's DataSource", e);
        } finally {
            shards.forEach(HikariDataSource::close);
            pools.forEach(HikariDataSource::close);
        }
    }
}
