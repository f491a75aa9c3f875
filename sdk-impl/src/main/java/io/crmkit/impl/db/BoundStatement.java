package io.crmkit.impl.db;

import java.util.List;

/**
 * A statement as it would run.
 *
 * @param sql    with {@code ?} placeholders
 * @param values bound to them, in order
 */
public record BoundStatement(String sql, List<Object> values) {
}
