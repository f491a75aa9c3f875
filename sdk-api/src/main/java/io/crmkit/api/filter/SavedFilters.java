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
     * @param name   1 to 80 characters after trimming (field {@code name}), unique in the tenant
     * @param filter the condition, checked against the tenant's fields; not null
     * @return the saved filter, version 1, not a segment
     * @throws io.crmkit.api.error.ValidationException when the name is blank or longer than 80 characters, the
     *                                                 filter does not fit the tenant's fields, or the tenant has
     *                                                 {@link #MAX_SAVED_FILTERS} already
     * @throws io.crmkit.api.error.ConflictException   when the name is taken
     */
    SavedFilter create(String name, Filter filter);

    /**
     * Renames a saved filter.
     *
     * @param id   the saved filter's id
     * @param name 1 to 80 characters after trimming (field {@code name}), unique in the tenant
     * @return the saved filter after the change, its version one higher
     * @throws io.crmkit.api.error.ValidationException when the name is blank or longer than 80 characters
     * @throws io.crmkit.api.error.NotFoundException   when there is no such saved filter
     * @throws io.crmkit.api.error.ConflictException   when the name is taken
     */
    SavedFilter rename(long id, String name);

    /**
     * Saves a copy under a new name, as {@link #create} does.
     *
     * @param id   the saved filter to copy
     * @param name the copy's name, 1 to 80 characters after trimming, unique in the tenant
     * @return the copy, version 1, not a segment
     * @throws io.crmkit.api.error.NotFoundException   when there is no such saved filter
     * @throws io.crmkit.api.error.ValidationException as {@link #create}
     * @throws io.crmkit.api.error.ConflictException   when the name is taken
     */
    SavedFilter copy(long id, String name);

    /**
     * Replaces the condition.
     *
     * @param id     the saved filter's id
     * @param filter the new condition; not null
     * @return the saved filter after the change, its version one higher
     * @throws io.crmkit.api.error.NotFoundException   when there is no such saved filter
     * @throws io.crmkit.api.error.ValidationException when it does not fit, would refer to itself, or would take a
     *                                                 saved filter that refers to it past
     *                                                 {@link Filter#MAX_EXPANDED_CONDITIONS} (code {@code too_many})
     */
    SavedFilter update(long id, Filter filter);

    /**
     * Deletes a saved filter; the customers it matched are not touched.
     *
     * @param id the saved filter's id
     * @throws io.crmkit.api.error.NotFoundException when there is no such saved filter
     * @throws io.crmkit.api.error.ConflictException when another saved filter refers to it
     */
    void delete(long id);

    /**
     * Marks a saved filter as a segment (a smart group, 000's "smart groups" on the customer page), or not.
     *
     * @param id      the saved filter's id
     * @param segment whether it is a segment from now on
     * @return the saved filter after the change
     * @throws io.crmkit.api.error.NotFoundException when there is no such saved filter
     */
    SavedFilter markSegment(long id, boolean segment);

    /**
     * Lists the segments one customer is in now, by name: one query for all segments, cached per customer
     * version, so a change of the customer shows at once; a change of a segment's filter, of group
     * membership or of the date shows within {@link #SEGMENT_CACHE_SECONDS} seconds.
     *
     * @param customerId the customer's id
     * @return the segments the customer matches, by name; empty when none
     * @throws io.crmkit.api.error.NotFoundException when the tenant has no such customer
     */
    List<SavedFilter> segmentsOf(long customerId);

    /** How long the segments of one customer version are cached. */
    int SEGMENT_CACHE_SECONDS = 60;

    /**
     * @param id the saved filter's id
     * @return the saved filter with this id, or empty when the tenant has none
     */
    Optional<SavedFilter> find(long id);

    /** @return every saved filter of the tenant, by name */
    List<SavedFilter> list();
}
