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

    /**
     * Checks for nulls and copies the columns; the limits are checked by {@link ListViews#save}.
     *
     * @param id      SDK-generated id
     * @param name    the view's name; not null
     * @param columns the field keys shown, in order; neither the list nor a key may be null
     * @throws ValidationException code {@code required} on field {@code name} or {@code columns} when it is null,
     *                             on {@code columns[index]} for a null key
     */
    public ListView {
        ValidationException.requireNonNull(name, "name");
        columns = ValidationException.requireNoNulls(columns, "columns");
    }
}
