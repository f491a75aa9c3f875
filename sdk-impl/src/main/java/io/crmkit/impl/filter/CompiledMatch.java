package io.crmkit.impl.filter;

import io.crmkit.impl.db.IdStatements;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A filter and keyword compiled once to plain JDBC, to check chunks of customers again on the caller's
 * connection: a bulk operation locks a chunk's rows, then acts only on those that still match. Compiling once
 * keeps the transaction free of other reads (saved filters, fields) and relative dates fixed for the whole
 * operation. Thread-safe.
 */
public final class CompiledMatch {

    private final String sqlBeforeIds;
    private final List<Object> values;
    private final IdStatements sql;

    CompiledMatch(String sqlBeforeIds, List<Object> values, IdStatements sql) {
        this.sqlBeforeIds = sqlBeforeIds;
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
        this.sql = sql;
    }

    /**
     * @param ids 1 to {@value IdStatements#MAX_IDS} ids
     * @return the ids among {@code ids} of customers that match now, in id order
     */
    public List<Long> among(Connection connection, List<Long> ids) {
        return sql.longs(connection, sqlBeforeIds, values, ids, " ORDER BY c.id");
    }
}
