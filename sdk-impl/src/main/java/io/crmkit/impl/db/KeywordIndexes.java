package io.crmkit.impl.db;

import io.crmkit.api.error.ConfigurationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trigram indexes of the keyword search on PostgreSQL (migration V19): {@code <prefix>customer_search} on the
 * customer's searched text and {@code <prefix>identity_search} on the identity values, both GIN with
 * {@code gin_trgm_ops}. The migration creates them only where the role may create the pg_trgm extension (or it
 * exists already), so the kit looks for them when it is built: without them the keyword search is written as
 * before (correct, slower: it reads the tenant's customers) and a warning says how to add them.
 */
public final class KeywordIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(KeywordIndexes.class);

    private KeywordIndexes() {
    }

    /**
     * @param alias the customer table's alias in the statement, "" for none (the index's own definition)
     * @return the indexed expression of a customer's searched text, which a statement must write exactly so for
     *         the planner to use the index
     */
    public static String customerText(String alias) {
        String a = alias.isEmpty() ? "" : alias + ".";
        return "LOWER(" + a + "name || E'\\x1F' || " + a + "nickname || E'\\x1F' || " + a + "company || E'\\x1F' || "
                + a + "country || E'\\x1F' || " + a + "province || E'\\x1F' || " + a + "city || E'\\x1F' || " + a
                + "area || E'\\x1F' || " + a + "address_detail)";
    }

    /**
     * @param dataSource  the database
     * @param dialect     its dialect
     * @param tablePrefix the validated table prefix
     * @return whether both indexes exist and are valid; always false but on PostgreSQL. When they are missing on
     *         PostgreSQL, logs a warning with the statements that add them.
     * @throws ConfigurationException when the catalog cannot be read
     */
    public static boolean present(DataSource dataSource, Dialect dialect, String tablePrefix) {
        if (dialect != Dialect.POSTGRESQL) {
            return false;
        }
        String sql = "SELECT COUNT(*) FROM pg_index WHERE indisvalid AND indexrelid IN (to_regclass(?), to_regclass(?))";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tablePrefix + "customer_search");
            statement.setString(2, tablePrefix + "identity_search");
            boolean present;
            try (ResultSet rows = statement.executeQuery()) {
                present = rows.next() && rows.getInt(1) == 2;
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            if (!present) {
                LOG.warn("CRMKit: the keyword search indexes {}customer_search and {}identity_search are missing"
                        + " (the role could not create the pg_trgm extension when the tables were migrated):"
                        + " keyword searches read every customer of the tenant. To add them, as a role that may:"
                        + " CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE INDEX {}customer_search ON {}customer"
                        + " USING gin ({} gin_trgm_ops); CREATE INDEX {}identity_search ON {}identity USING gin"
                        + " (LOWER(id_value) gin_trgm_ops); then build the kit again.", tablePrefix, tablePrefix,
                        tablePrefix, tablePrefix, customerText(""), tablePrefix, tablePrefix);
            }
            return present;
        } catch (SQLException e) {
            throw new ConfigurationException("dataSource", null, "cannot read the indexes of the CRMKit tables: "
                    + e.getMessage(), e);
        }
    }
}
