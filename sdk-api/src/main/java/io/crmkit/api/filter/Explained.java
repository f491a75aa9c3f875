package io.crmkit.api.filter;

import java.util.List;
import java.util.Objects;

/**
 * The SQL a search runs.
 *
 * @param sql        the statement with {@code ?} placeholders
 * @param parameters the bound values, in placeholder order
 */
public record Explained(String sql, List<Object> parameters) {

    /** Copies the parameters. */
    public Explained {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
    }
}
