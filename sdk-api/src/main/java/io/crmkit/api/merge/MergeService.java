package io.crmkit.api.merge;

import io.crmkit.api.customer.Customer;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import java.util.List;

/**
 * Duplicate customers of the actor's tenant: find them, preview a merge, merge, and undo a merge.
 *
 * <p>Finding and previewing need {@code READ}; merging and undoing need {@code MERGE}. A merge is atomic: the
 * merged customer's identities, tags, group memberships and chosen field values move to the survivor, the
 * merged customer disappears, and the audit log records it on both. Every merge can be undone for the kit's
 * merge retention (30 days unless configured) as long as neither customer took part in a later merge.
 */
public interface MergeService {

    /** Most clusters one {@link #findDuplicates} call returns. */
    int MAX_CLUSTERS = 100_000;
    /** Most customers merged into a survivor in one call. */
    int MAX_MERGED = 50;

    /**
     * Finds the candidate duplicates across the tenant, with blocking keys (never every pair): the match keys of
     * emails, phones and external ids, and names for the similarity rules. Memory grows with the number of
     * candidates and the largest group of customers with one name, not with the tenant.
     *
     * @param rules which rules, and the least score
     * @param limit 1 to {@value #MAX_CLUSTERS}: the clusters returned, best score first
     * @return clusters of linked candidates, best score first, then by smallest id
     * @throws PermissionDeniedException without {@code READ}
     * @throws IllegalArgumentException  with a limit out of range
     */
    List<DuplicateCluster> findDuplicates(MatchRules rules, int limit);

    /**
     * @return the candidates of one customer, best score first
     * @throws NotFoundException         when the customer does not exist in the tenant
     * @throws PermissionDeniedException without {@code READ}
     */
    List<DuplicateCandidate> duplicatesOf(long customerId, MatchRules rules);

    /**
     * Computes a merge without writing: the resulting customer field by field with where each value comes
     * from, and the conflicts that would refuse it.
     *
     * @throws NotFoundException         when either customer does not exist
     * @throws ValidationException       when the two are the same customer, or an override names no field
     * @throws PermissionDeniedException without {@code READ}
     */
    MergePreview preview(long survivorId, long mergedId, MergeOptions options);

    /**
     * Merges one customer into another, in one transaction.
     *
     * @return the survivor after the merge and the merge's id for {@link #undo}
     * @throws MergeConflictException    when identities conflict or a limit would overflow; nothing changes
     * @throws NotFoundException         when either customer does not exist (or was just merged by another call)
     * @throws ConflictException         when a concurrent merge or edit of one of the customers got there first
     * @throws ValidationException       as {@link #preview}
     * @throws PermissionDeniedException without {@code MERGE}
     */
    default MergeResult merge(long survivorId, long mergedId, MergeOptions options) {
        return merge(survivorId, List.of(mergedId), options);
    }

    /**
     * Merges a cluster: each of {@code mergedIds} in turn into the survivor, as pairwise merges in one
     * transaction, so that all happen or none does.
     *
     * @param mergedIds 1 to {@value #MAX_MERGED} distinct customers, none the survivor
     * @throws MergeConflictException naming the pair that conflicts; nothing changes
     * @see #merge(long, long, MergeOptions)
     */
    MergeResult merge(long survivorId, List<Long> mergedIds, MergeOptions options);

    /**
     * Undoes a merge: the merged customer comes back with its own id, fields, identities, tags, custom values
     * and group memberships; what moved to the survivor moves back. Fields of the survivor edited since the
     * merge keep their new values; a moved identity or tag the survivor no longer has stays gone.
     *
     * @return the merged customer, restored
     * @throws NotFoundException         when no merge has this id in the tenant
     * @throws ConflictException         when the merge was already undone, its retention passed, or one of the
     *                                   customers took part in a later merge (undo that one first)
     * @throws PermissionDeniedException without {@code MERGE}
     */
    Customer undo(long mergeId);

    /**
     * @return the merges a customer took part in (as survivor or merged), newest first, at most 100
     * @throws PermissionDeniedException without {@code READ}
     */
    List<MergeRecord> history(long customerId);

    /**
     * Forgets the merges older than the retention: they can no longer be undone, and the merged customers'
     * data kept for undo is erased. Hosts call it on a schedule, such as daily.
     *
     * @return how many merges were forgotten
     * @throws PermissionDeniedException without {@code MERGE}
     */
    long purgeExpired();
}
