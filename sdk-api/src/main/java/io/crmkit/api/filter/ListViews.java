package io.crmkit.api.filter;

import java.util.List;
import java.util.Optional;

/**
 * The list views of the actor (each actor has its own). Reading and saving need READ: a view changes how the
 * actor sees customers, not the customers.
 */
public interface ListViews {

    /** Most columns of a view. */
    int MAX_COLUMNS = 50;

    /**
     * Saves the actor's view of that name, replacing an earlier one of the same name.
     *
     * @param name    1 to 80 characters after trimming (field {@code name})
     * @param columns 1 to {@link #MAX_COLUMNS} distinct field keys, built-in or custom, in display order (field
     *                {@code columns}, {@code columns[index]} for one key); not null
     * @return the view as stored
     * @throws io.crmkit.api.error.ValidationException when the name is blank or too long, or a column is unknown,
     *                                                 repeated, or there are none or more than {@link #MAX_COLUMNS}
     */
    ListView save(String name, List<String> columns);

    /**
     * @param name the view's name; not null
     * @return the actor's view of that name, or empty when the actor has none
     */
    Optional<ListView> find(String name);

    /** @return the actor's views, by name */
    List<ListView> list();

    /**
     * Deletes the actor's view of that name; deleting a view that does not exist does nothing.
     *
     * @param name the view's name; not null
     */
    void delete(String name);
}
