package io.crmkit.impl.db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * SQL text with {@code ?} placeholders and the values they bind, in order. A value may be an
 * {@link IdStatements.SqlArray}, bound as an array.
 *
 * @param sql    the statement or fragment
 * @param values its values in placeholder order
 */
public record BoundSql(String sql, List<Object> values) {

    /** Copies the values; a value may be null (bound as SQL NULL). */
    public BoundSql {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }
}
