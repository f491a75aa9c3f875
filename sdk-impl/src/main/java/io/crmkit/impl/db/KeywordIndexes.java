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
 * The indexes of the keyword search, which the kit looks for when it is built: without them the keyword search is
 * written as before (correct, slower: it reads the tenant's customers) and a warning says why.
 * <ul>
 *   <li>PostgreSQL (migration V19): the trigram indexes {@code <prefix>customer_search} on the customer's searched
 *       text and {@code <prefix>identity_search} on the identity values, both GIN with {@code gin_trgm_ops}. The
 *       migration creates them only where the role may create the pg_trgm extension (or it exists already); the
 *       warning says how to add them.</li>
 *   <li>MariaDB (migration V22): the FULLTEXT indexes {@code <prefix>customer_grams} and
 *       {@code <prefix>identity_grams} of the trigram words of the same texts (column {@code search_grams}, see
 *       {@code io.crmkit.impl.filter.KeywordGrams}). They hold words of 4 characters, so they serve only while the
 *       server's {@code innodb_ft_min_token_size} is at most 4 (default 3) and {@code innodb_ft_max_token_size} at
 *       least 4: a server set otherwise indexed no word, and the warning names the setting.</li>
 * </ul>
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
     * @return whether both indexes exist, are valid and serve; always false on H2. When they are missing or do
     *         not serve, logs a warning that says why (on PostgreSQL, with the statements that add them).
     * @throws ConfigurationException when the catalog cannot be read
     */
    public static boolean present(DataSource dataSource, Dialect dialect, String tablePrefix) {
        if (dialect == Dialect.MARIADB) {
            return fullTextPresent(dataSource, tablePrefix);
        }
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

    private static boolean fullTextPresent(DataSource dataSource, String tablePrefix) {
        String sql = "SELECT (SELECT COUNT(DISTINCT INDEX_NAME) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA ="
                + " DATABASE() AND INDEX_TYPE = 'FULLTEXT' AND (TABLE_NAME, INDEX_NAME) IN ((?, ?), (?, ?))),"
                + " @@innodb_ft_min_token_size, @@innodb_ft_max_token_size";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tablePrefix + "customer");
            statement.setString(2, tablePrefix + "customer_grams");
            statement.setString(3, tablePrefix + "identity");
            statement.setString(4, tablePrefix + "identity_grams");
            int indexes;
            int min;
            int max;
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                indexes = rows.getInt(1);
                min = rows.getInt(2);
                max = rows.getInt(3);
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            if (indexes != 2) {
                LOG.warn("CRMKit: the keyword search indexes {}customer_grams and {}identity_grams are missing:"
                        + " keyword searches read every customer of the tenant. Migration V22 creates them.",
                        tablePrefix, tablePrefix);
                return false;
            }
            if (min > GRAM_WORD || max < GRAM_WORD) {
                LOG.warn("CRMKit: the server's innodb_ft_min_token_size ({}) or innodb_ft_max_token_size ({}) keeps"
                        + " the words of {} characters of the keyword search indexes out of them: keyword searches"
                        + " read every customer of the tenant. With a minimum of at most {} (the default is 3),"
                        + " rebuild the indexes (OPTIMIZE TABLE {}customer, {}identity) and build the kit again.",
                        min, max, GRAM_WORD, GRAM_WORD, tablePrefix, tablePrefix);
                return false;
            }
            return true;
        } catch (SQLException e) {
            throw new ConfigurationException("dataSource", null, "cannot read the indexes of the CRMKit tables: "
                    + e.getMessage(), e);
        }
    }

    /** Characters of each word of MariaDB's keyword search indexes: a mark and a trigram. */
    private static final int GRAM_WORD = 4;
}
