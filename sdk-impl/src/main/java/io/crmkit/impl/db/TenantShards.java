package io.crmkit.impl.db;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which shard holds a tenant's rows, as the sharding DataSource places them, so that the tenant's work can run on
 * that shard's own pool instead of paying the sharding DataSource's parse, bind, route and rewrite on every statement
 * (ShardingSphere-JDBC: about 110 us of CPU each on a 2-core machine).
 *
 * <p>The sharding DataSource stays the one that decides: a tenant's shard is found by one statement routed through it
 * by the tenant ({@code SELECT MAX(id), <identity> FROM <prefix>customer WHERE tenant_id = ?}, one index probe), whose
 * answer names the database it ran on ({@link Dialect#shardIdentity()}), matched against what each shard's own pool
 * answers. That holds while every table of the kit is sharded the same way by {@code tenant_id} (one binding group, as
 * the rules the SDK ships) and a tenant does not move while kits run.
 *
 * <p>Limits: at most {@value #MAX_KNOWN} tenants are remembered (beyond, Caffeine's size eviction forgets some, which
 * are found again, a statement each). A tenant whose shard cannot be found is served through the sharding
 * DataSource, which is correct, only slower: one the sharding DataSource places on a database that is none of the
 * pools is remembered so (logged when met); one whose statement failed is asked about again after
 * {@link #RETRY_AFTER} (logged each time).
 */
final class TenantShards {

    private static final Logger LOG = LoggerFactory.getLogger(TenantShards.class);
    /** Most tenants whose shard is remembered. */
    static final int MAX_KNOWN = 10_000;
    /** How long a tenant whose shard could not be found is served through the sharding DataSource. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    /** Synthetic tenants asked about when the kit starts: one at least must be found on a shard's pool. */
    private static final int TRIAL_TENANTS = 8;
    /** A tenant served through the sharding DataSource. */
    private static final int ROUTED = -1;

    private final DataSource routed;
    private final List<String> identities;
    private final String probe;
    private final Cache<String, Integer> known = Caffeine.newBuilder().maximumSize(MAX_KNOWN).build();
    private final Cache<String, Boolean> unfound = Caffeine.newBuilder().maximumSize(MAX_KNOWN)
            .expireAfterWrite(RETRY_AFTER).build();

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
     * @return the shards, or empty (logged) where the dialect cannot tell databases apart, two shards' pools answer
     *         alike, or the sharding DataSource places none of {@value #TRIAL_TENANTS} trial tenants
     *         ({@code crmkit-shard-trial-0} ...) on a database that one of the pools answers as (other host names, a
     *         pooler in between) or refuses them (an algorithm that knows only its own tenants): every statement then
     *         goes through the sharding DataSource
     * @throws SQLException when a shard's own pool cannot be asked
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
        TenantShards found = new TenantShards(routed, List.copyOf(identities), "SELECT MAX(id), " + identity.get()
                + " FROM " + tablePrefix + "customer WHERE tenant_id = ?");
        try {
            for (int trial = 0; trial < TRIAL_TENANTS; trial++) {
                if (found.ask("crmkit-shard-trial-" + trial) >= 0) {
                    return Optional.of(found);
                }
            }
            LOG.warn("The sharding DataSource placed no trial tenant on a database the shards' pools answer as ({}):"
                    + " every statement goes through the sharding DataSource", identities);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("The sharding DataSource could not say where it places a tenant: every statement goes through it",
                    e);
        }
        return Optional.empty();
    }

    /**
     * @return the index in the shards of the tenant's shard, or -1 to serve the tenant through the sharding
     *         DataSource
     */
    int shardOf(String tenantId) {
        Integer shard = known.getIfPresent(tenantId);
        if (shard != null) {
            return shard;
        }
        if (unfound.getIfPresent(tenantId) != null) {
            return ROUTED;
        }
        try {
            shard = ask(tenantId);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not find the shard of a tenant ({}): its work goes through the sharding DataSource for"
                    + " {} s", e instanceof SQLException sql ? "SQLState " + sql.getSQLState()
                    : e.getClass().getName(), RETRY_AFTER.toSeconds());
            LOG.debug("The shard of a tenant could not be found", e);
            unfound.put(tenantId, Boolean.TRUE);
            return ROUTED;
        }
        if (shard == ROUTED) {
            LOG.warn("The sharding DataSource placed a tenant on a database that is none of the shards' pools ({}):"
                    + " its work goes through the sharding DataSource", identities);
        }
        known.put(tenantId, shard);
        return shard;
    }

    /** @return the index of the shard the sharding DataSource places a tenant on, or -1 when it is none of them */
    private int ask(String tenantId) throws SQLException {
        try (Connection connection = routed.getConnection();
             PreparedStatement select = connection.prepareStatement(probe)) {
            select.setString(1, tenantId);
            return identities.indexOf(identity(connection, select, 2));
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
        } catch (SQLException | RuntimeException e) {
            try {
                endRead(connection);
            } catch (SQLException | RuntimeException ending) {
                e.addSuppressed(ending);
            }
            throw e;
        }
        endRead(connection);
        return identity.toString();
    }

    /** Ends the read's transaction, where the pool lends connections without autocommit. */
    private static void endRead(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
    }
}
