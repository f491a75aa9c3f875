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

    /**
     * Copies the parameters.
     *
     * @param sql        the statement with {@code ?} placeholders; not null
     * @param parameters the bound values, in placeholder order; neither the list nor a value may be null
     * @throws NullPointerException when {@code sql}, {@code parameters} or a parameter is null
     */
    public Explained {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
    }
}
