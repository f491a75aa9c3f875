package io.crmkit.impl.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A search's statement is never made a server-prepared statement by pgjdbc, whose plan PostgreSQL may then make
 * generic (one plan for every keyword or tag: at 10,000,000 customers, the walk chosen for a common keyword took
 * over 70 s for a keyword that matched nothing); every other statement keeps pgjdbc's default (server-prepared from
 * its fifth run on a connection).
 */
class SearchPlansTest {

    private static final int RUNS = 12;
    /** A search's timeout in seconds. */
    private static final int TIMEOUT = 30;

    @DbTest
    void aSearchIsPlannedForItsValuesOnEveryRunWhereOtherStatementsBecomeServerPrepared(TestDb db)
            throws SQLException {
        Assumptions.assumeTrue(db.name().equals("postgres") || db.name().equals("serializable"),
                "pgjdbc straight to PostgreSQL");
        try (Connection connection = db.dataSource().getConnection()) {
            String search = "SELECT COUNT(*) FROM pg_class WHERE relname LIKE ? /* search */";
            String other = "SELECT COUNT(*) FROM pg_class WHERE relname LIKE ? /* other */";
            for (int i = 0; i < RUNS; i++) {
                String pattern = i % 2 == 0 ? "%pg%" : "zz%";
                try (PreparedStatement statement = IdStatements.prepareSearch(connection, search, List.of(pattern),
                        TIMEOUT); ResultSet rows = statement.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(statement.getQueryTimeout()).isEqualTo(TIMEOUT);
                }
                try (PreparedStatement statement = IdStatements.prepare(connection, other, List.of(pattern));
                     ResultSet rows = statement.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                }
            }
            assertThat(IdStatements.searchRows(new Session(connection, "crm_", TIMEOUT), search, List.of("%pg%"), row -> row.getLong(1)))
                    .singleElement().satisfies(count -> assertThat(count).isPositive());

            assertThat(serverPrepared(connection, "/* search */")).as("the search").isZero();
            assertThat(serverPrepared(connection, "/* other */")).as("another statement").isEqualTo(1);
        }
    }

    private static long serverPrepared(Connection connection, String marker) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM pg_prepared_statements"
                + " WHERE statement LIKE ? AND statement NOT LIKE '%pg_prepared_statements%'")) {
            statement.setString(1, "%" + marker + "%");
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
