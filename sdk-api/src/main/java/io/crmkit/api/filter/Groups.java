package io.crmkit.api.filter;

import io.crmkit.api.Page;
import io.crmkit.api.customer.Customer;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The groups of the actor's tenant. Reading needs READ, changing needs WRITE. A tenant has at most
 * {@link #MAX_GROUPS} groups; one call adds or removes at most {@link #MAX_IDS_PER_CALL} ids, and adding the
 * customers of a filter takes at most {@link #MAX_MEMBERS_FROM_FILTER} of them.
 *
 * <p>Ids of customers that do not exist in the tenant are skipped; adding a member twice is a no-op. Deleting
 * a group keeps its customers; deleting a customer removes it from its groups.
 */
public interface Groups {

    /** Most groups per tenant. */
    int MAX_GROUPS = 1000;
    /** Most ids one add or remove takes. */
    int MAX_IDS_PER_CALL = 10_000;
    /** Most customers one add of a filter's customers takes. */
    int MAX_MEMBERS_FROM_FILTER = 1_000_000;

    /**
     * Creates an empty group.
     *
     * @param name 1 to 80 characters after trimming (field {@code name}), unique in the tenant
     * @return the new group
     * @throws io.crmkit.api.error.ValidationException when the name is blank or longer than 80 characters
     * @throws io.crmkit.api.error.ConflictException   when the name is taken
     */
    CustomerGroup create(String name);

    /**
     * Adds customers by id.
     *
     * @param groupId     the group's id
     * @param customerIds at most {@link #MAX_IDS_PER_CALL} distinct ids (field {@code customerIds}); nulls and
     *                    repeats are ignored; not null
     * @return how many became members (skipping those already in, and ids the tenant does not have)
     * @throws io.crmkit.api.error.NotFoundException  when there is no such group
     * @throws io.crmkit.api.error.ValidationException when more than {@link #MAX_IDS_PER_CALL} ids are given
     */
    int add(long groupId, Collection<Long> customerIds);

    /**
     * Adds the customers that match a filter now (a snapshot: later matches are not added).
     *
     * @param groupId the group's id
     * @param filter  the customers to add (field {@code filter} when it matches too many); not null
     * @return how many became members
     * @throws io.crmkit.api.error.NotFoundException   when there is no such group
     * @throws io.crmkit.api.error.ValidationException when the filter is invalid or matches more than
     *                                                 {@link #MAX_MEMBERS_FROM_FILTER} customers
     */
    int addMatching(long groupId, Filter filter);

    /**
     * Removes customers by id; ids that are not members are ignored.
     *
     * @param groupId     the group's id
     * @param customerIds at most {@link #MAX_IDS_PER_CALL} distinct ids (field {@code customerIds}); nulls and
     *                    repeats are ignored; not null
     * @return how many members were removed
     * @throws io.crmkit.api.error.NotFoundException   when there is no such group
     * @throws io.crmkit.api.error.ValidationException when more than {@link #MAX_IDS_PER_CALL} ids are given
     */
    int remove(long groupId, Collection<Long> customerIds);

    /**
     * @param groupId the group's id
     * @param query   the filter, keyword, order and page to apply to the members; not null
     * @return a page of the group's members that also match the query (its filter, keyword, order and cursor)
     * @throws io.crmkit.api.error.NotFoundException when there is no such group
     */
    Page<Customer> members(long groupId, Query query);

    /**
     * @param groupId the group's id
     * @param name    1 to 80 characters after trimming (field {@code name}), unique in the tenant
     * @return the group renamed
     * @throws io.crmkit.api.error.ValidationException when the name is blank or longer than 80 characters
     * @throws io.crmkit.api.error.ConflictException   when the name is taken
     * @throws io.crmkit.api.error.NotFoundException   when there is no such group
     */
    CustomerGroup rename(long groupId, String name);

    /**
     * Deletes the group; its customers stay.
     *
     * @param groupId the group's id
     * @throws io.crmkit.api.error.NotFoundException when there is no such group
     */
    void delete(long groupId);

    /**
     * @param groupId the group's id
     * @return the group with this id, or empty when the tenant has none
     */
    Optional<CustomerGroup> find(long groupId);

    /** @return every group of the tenant, by name */
    List<CustomerGroup> list();
}
