package io.crmkit.api.trash;

import io.crmkit.api.error.PermissionDeniedException;
import java.util.Collection;
import java.util.List;

/**
 * The trash of the actor's tenant: customers deleted singly or in bulk, kept with their identities, tags,
 * custom values and group memberships for the kit's retention period (30 days unless configured), then
 * purged. Listing needs {@code READ}; restoring and erasing need {@code DELETE}.
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
     * stays in the trash and is reported; the rest are restored.
     *
     * @throws PermissionDeniedException without {@code DELETE}
     * @throws io.crmkit.api.error.ValidationException on field {@code customerIds}, code {@code too_many}, with more
     *                                                 than {@value #MAX_IDS} ids
     */
    RestoreResult restore(Collection<Long> customerIds);

    /**
     * Erases customers for good, live or in the trash, for an erasure request: their rows go, and the audit
     * log, which never holds field values, keeps only that an erasure happened.
     *
     * @return how many customers were erased
     * @throws PermissionDeniedException without {@code DELETE}
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
