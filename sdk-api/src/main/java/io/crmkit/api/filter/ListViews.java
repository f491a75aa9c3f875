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
     * @throws io.crmkit.api.error.ValidationException when the name is blank or too long, or a column is unknown,
     *                                                 repeated, or there are none or more than {@link #MAX_COLUMNS}
     */
    ListView save(String name, List<String> columns);

    /** @return the actor's view of that name */
    Optional<ListView> find(String name);

    /** @return the actor's views, by name */
    List<ListView> list();

    /** Deletes the actor's view of that name; deleting a view that does not exist does nothing. */
    void delete(String name);
}
