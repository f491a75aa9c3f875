package io.crmkit.impl.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.postgresql.PGStatement;

/**
 * Keeps pgjdbc from turning a statement into a server-prepared one, whose plan PostgreSQL may then make generic:
 * one plan for every value. A search's best plan depends on its values: a keyword or tag of many matches walks the
 * page's index and stops after a page, one of none reads its few matches from another index. A generic plan picks
 * one for all; at 10,000,000 customers the walk chosen for a common keyword took over 70 s for a keyword that
 * matches nothing (planned for its value: about a millisecond). Each run is then planned for its values, at the cost of planning
 * (a fraction of a millisecond). Names a pgjdbc type: loaded only once {@link IdStatements} found pgjdbc on the class
 * path (the driver is an optional dependency of sdk-impl). Stateless.
 */
final class PgPlans {

    private PgPlans() {
    }

    /** Makes a pgjdbc statement (or the pool's proxy of one) plan each run for its values; leaves others alone. */
    static void planEachRun(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }
}
