package io.crmkit.api.trash;

import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.StorageException;
import io.crmkit.api.error.ValidationException;
import java.util.Collection;
import java.util.List;

/**
 * The trash of the actor's tenant: customers deleted singly or in bulk, kept with their identities, tags,
 * custom values and group memberships for the kit's retention period (30 days unless configured), then
 * purged. Listing needs {@code READ}; restoring and purging need {@code DELETE}; erasing needs
 * {@code BULK_DELETE}.
 *
 * <p>Erasure requests: a customer is erased for good in two steps, each audited. First it is deleted, which
 * moves it to the trash: {@code customers().delete(id)} for one customer, or for many a bulk delete with its
 * preview, token, agreement to the statement and reason ({@code bulk().previewDelete}, then
 * {@code BulkOperation.delete}). Then {@link #erase} takes it out of the trash for good. Nothing erases a live
 * customer directly.
 */
public interface TrashService {

    /** Most ids per restore or erase call. */
    int MAX_IDS = 100_000;

    /**
     * @param limit 1 to 1000
     * @return the most recently deleted customers, newest first
     */
    List<TrashedCustomer> list(int limit);

    /** @return how many customers the trash holds */
    long count();

    /**
     * Puts customers back as they were when deleted (same id, version, fields, identities, tags, custom values,
     * and memberships of groups that still exist). A customer whose identity now belongs to another customer
     * stays in the trash and is reported; the rest are restored. Of two trashed customers holding the same identity,
     * the one with the smaller id is restored first (the other is then refused).
     *
     * <p>Works in chunks of 1,000 ids, each its own transaction; on PostgreSQL and H2 two chunks run at once, the
     * second on a thread of the call's own and a second connection of the pool. When a chunk fails, the call throws
     * a {@code StorageException}: the chunks committed before it, and possibly the one beside it, stay restored;
     * calling again with the same ids restores the rest and reports the others as not in the trash.
     *
     * @param customerIds the ids of customers in the trash, at most {@value #MAX_IDS}; duplicates count once; not null
     * @return the customers restored and those refused, with the reason
     * @throws PermissionDeniedException without {@code DELETE}
     * @throws StorageException         when a chunk failed (see above)
     * @throws ValidationException      on field {@code customerIds}, code {@code too_many}, with more than
     *                                  {@value #MAX_IDS} ids
     */
    RestoreResult restore(Collection<Long> customerIds);

    /**
     * Erases customers in the trash for good, for an erasure request: their rows go (with their events, orders,
     * tasks, links and the merge records that kept their data for undo), and the audit log, which never holds
     * field values, records the erasure ({@code trash.erase}, with the actor and the count). A customer restored
     * by another call while this one runs is either erased first or left live, never half of each.
     *
     * @param customerIds the ids of customers in the trash, at most {@value #MAX_IDS}; duplicates count once; not null
     * @return how many customers were erased from the trash. The id of a customer merged away erases the merge
     *         records that keep its data, and counts for nothing, as do unknown and already erased ids
     * @throws PermissionDeniedException without {@code BULK_DELETE}
     * @throws ValidationException       on {@code customerIds} when any id is a live customer's (delete it first,
     *                                   see above); nothing is erased then
     * @throws ValidationException      on field {@code customerIds}, code {@code too_many}, with more than
     *                                  {@value #MAX_IDS} ids
     */
    long erase(Collection<Long> customerIds);

    /**
     * Erases the customers deleted longer ago than the retention period. Hosts call it on a schedule, such
     * as daily.
     *
     * @return how many customers were purged
     * @throws PermissionDeniedException without {@code DELETE}
     */
    long purgeExpired();
}
