package io.crmkit.api.filter;

import java.util.List;
import java.util.Optional;

/**
 * The saved filters of the actor's tenant (000's "Filter": like a temporary group, renamed, copied and
 * deleted at will). Reading needs READ, changing needs WRITE. A tenant has at most
 * {@link #MAX_SAVED_FILTERS}.
 *
 * <p>A filter may refer to another saved filter with {@code Filter.eq("savedFilter", id)}; a filter that
 * would refer to itself, directly or through others, is refused, and a saved filter that others refer to
 * cannot be deleted. A filter is refused once it holds more than {@link Filter#MAX_EXPANDED_CONDITIONS} conditions
 * with every saved filter it refers to inlined: when it is saved, when a saved filter it refers to is changed, and
 * when it is used (for filters stored before this check). Each saved filter is read once per use, however often it
 * is referred to.
 */
public interface SavedFilters {

    /** Most saved filters per tenant. */
    int MAX_SAVED_FILTERS = 1000;

    /**
     * Saves a filter under a name.
     *
     * @throws io.crmkit.api.error.ValidationException when the name is blank or longer than 80 characters, the
     *                                                 filter does not fit the tenant's fields, or the tenant has
     *                                                 {@link #MAX_SAVED_FILTERS} already
     * @throws io.crmkit.api.error.ConflictException   when the name is taken
     */
    SavedFilter create(String name, Filter filter);

    /**
     * @throws io.crmkit.api.error.NotFoundException when there is no such saved filter
     * @throws io.crmkit.api.error.ConflictException when the name is taken
     */
    SavedFilter rename(long id, String name);

    /** Saves a copy under a new name. */
    SavedFilter copy(long id, String name);

    /**
     * Replaces the condition.
     *
     * @throws io.crmkit.api.error.ValidationException when it does not fit, would refer to itself, or would take a
     *                                                 saved filter that refers to it past
     *                                                 {@link Filter#MAX_EXPANDED_CONDITIONS} (code {@code too_many})
     */
    SavedFilter update(long id, Filter filter);

    /**
     * Deletes a saved filter; the customers it matched are not touched.
     *
     * @throws io.crmkit.api.error.ConflictException when another saved filter refers to it
     */
    void delete(long id);

    /**
     * Marks a saved filter as a segment (a smart group, 000's "smart groups" on the customer page), or not.
     *
     * @throws io.crmkit.api.error.NotFoundException when there is no such saved filter
     */
    SavedFilter markSegment(long id, boolean segment);

    /**
     * Lists the segments one customer is in now, by name: one query for all segments, cached per customer
     * version, so a change of the customer shows at once; a change of a segment's filter, of group
     * membership or of the date shows within {@link #SEGMENT_CACHE_SECONDS} seconds.
     *
     * @throws io.crmkit.api.error.NotFoundException when the tenant has no such customer
     */
    List<SavedFilter> segmentsOf(long customerId);

    /** How long the segments of one customer version are cached. */
    int SEGMENT_CACHE_SECONDS = 60;

    /** @return the saved filter with this id */
    Optional<SavedFilter> find(long id);

    /** @return every saved filter of the tenant, by name */
    List<SavedFilter> list();
}
