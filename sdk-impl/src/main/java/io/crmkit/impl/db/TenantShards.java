package io.crmkit.impl.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which shard holds a tenant's rows, as the sharding DataSource places them, so that the tenant's work can run on
 * that shard's own pool instead of paying the sharding DataSource's parse, bind, route and rewrite on every statement
 * (ShardingSphere-JDBC: about 100 us of CPU each).
 *
 * <p>The sharding DataSource stays the one that decides: a tenant's shard is found by one statement routed through it
 * by the tenant ({@code SELECT MAX(id), <identity> FROM <prefix>customer WHERE tenant_id = ?}, one index probe), whose
 * answer names the database it ran on ({@link Dialect#shardIdentity()}), matched against what each shard's own pool
 * answers. That holds while every table of the kit is sharded the same way by {@code tenant_id} (one binding group, as
 * the rules the SDK ships) and a tenant does not move while kits run.
 *
 * <p>Limits: at most {@value #MAX_KNOWN} tenants are remembered (then forgotten all at once and found again, a
 * statement each). A tenant whose shard cannot be found (the statement failed, or its database is none of the pools)
 * is served through the sharding DataSource, which is correct, only slower.
 */
final class TenantShards {

    private static final Logger LOG = LoggerFactory.getLogger(TenantShards.class);
    /** Most tenants whose shard is remembered. */
    static final int MAX_KNOWN = 10_000;
    /** A tenant served through the sharding DataSource. */
    private static final int ROUTED = -1;

    private final DataSource routed;
    private final List<String> identities;
    private final String probe;
    private final Map<String, Integer> known = new ConcurrentHashMap<>();

    private TenantShards(DataSource routed, List<String> identities, String probe) {
        this.routed = routed;
        this.identities = identities;
        this.probe = probe;
    }

    /**
     * @param routed      the sharding DataSource
     * @param shards      each shard's own pool
     * @param dialect     the shards' dialect
     * @param tablePrefix the kit's table prefix
     * @return the shards, or empty where the dialect cannot tell databases apart or two shards' pools answer alike
     *         (logged): every statement then goes through the sharding DataSource
     * @throws SQLException when a shard cannot be asked
     */
    static Optional<TenantShards> find(DataSource routed, List<DataSource> shards, Dialect dialect,
                                       String tablePrefix) throws SQLException {
        Optional<String> identity = dialect.shardIdentity();
        if (identity.isEmpty()) {
            return Optional.empty();
        }
        List<String> identities = new ArrayList<>();
        for (DataSource shard : shards) {
            try (Connection connection = shard.getConnection();
                 PreparedStatement select = connection.prepareStatement("SELECT " + identity.get())) {
                identities.add(identity(connection, select, 1));
            }
        }
        if (new HashSet<>(identities).size() < identities.size()) {
            LOG.warn("The shards' pools cannot be told apart ({}): every statement goes through the sharding"
                    + " DataSource", identities);
            return Optional.empty();
        }
        return Optional.of(new TenantShards(routed, List.copyOf(identities), "SELECT MAX(id), " + identity.get()
                + " FROM " + tablePrefix + "customer WHERE tenant_id = ?"));
    }

    /**
     * @return the index in the shards of the tenant's shard, or -1 to serve the tenant through the sharding
     *         DataSource
     */
    int shardOf(String tenantId) {
        Integer shard = known.get(tenantId);
        if (shard != null) {
            return shard;
        }
        try {
            shard = ask(tenantId);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not find the shard of a tenant (SQLState {}): its work goes through the sharding"
                    + " DataSource", e instanceof SQLException sql ? sql.getSQLState() : e.getClass().getName());
            return ROUTED;
        }
        if (known.size() >= MAX_KNOWN) {
            known.clear();
        }
        known.put(tenantId, shard);
        return shard;
    }

    private int ask(String tenantId) throws SQLException {
        try (Connection connection = routed.getConnection();
             PreparedStatement select = connection.prepareStatement(probe)) {
            select.setString(1, tenantId);
            int shard = identities.indexOf(identity(connection, select, 2));
            if (shard < 0) {
                LOG.warn("The sharding DataSource placed a tenant on a database that is none of the shards' pools"
                        + " ({}): its work goes through the sharding DataSource", identities);
            }
            return shard;
        }
    }

    /** @return the identity columns from {@code from} on of the one row of {@code select}, joined by '/' */
    private static String identity(Connection connection, PreparedStatement select, int from) throws SQLException {
        StringBuilder identity = new StringBuilder();
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("the identity of a shard came back without a row");
            }
            int columns = row.getMetaData().getColumnCount();
            for (int column = from; column <= columns; column++) {
                identity.append(column == from ? "" : "/").append(row.getString(column));
            }
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        }
        return identity.toString();
    }
}
