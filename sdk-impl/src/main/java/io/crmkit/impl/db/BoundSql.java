package io.crmkit.impl.db;

import java.util.List;

/**
 * SQL text with {@code ?} placeholders and the values they bind, in order. A value may be an
 * {@link IdStatements.SqlArray}, bound as an array.
 *
 * @param sql    the statement or fragment
 * @param values its values in placeholder order
 */
public record BoundSql(String sql, List<Object> values) {

    public BoundSql {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
}
