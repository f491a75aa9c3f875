package io.crmkit.api.filter;

import io.crmkit.api.error.ValidationException;
import java.util.List;

/**
 * The columns one actor's customer list shows, in order (002's "customize list items", 000's
 * "Settings column").
 *
 * @param id      SDK-generated id
 * @param name    1 to 80 characters, unique per actor
 * @param columns 1 to {@link ListViews#MAX_COLUMNS} distinct field keys: built-in fields ({@code name},
 *                {@code phones}, {@code tags}, {@code createdAt}, ...) and custom field keys
 */
public record ListView(long id, String name, List<String> columns) {

    /** Checks for nulls and copies the columns. */
    public ListView {
        ValidationException.requireNonNull(name, "name");
        columns = ValidationException.requireNoNulls(columns, "columns");
    }
}
