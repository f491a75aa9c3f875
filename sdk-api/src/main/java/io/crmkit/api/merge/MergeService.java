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
     * candidates, not with the tenant: the emails are grouped by name in passes of about 250,000 emails each, so
     * a large tenant costs more time (one more read of its emails per pass), not more memory.
     *
     * <p>Limits, so that one odd value cannot make the search quadratic: a key held by more than 50 customers
     * links each of them to the one with the smallest id rather than every pair (the cluster is the same); the
     * similar-email rule skips a name held with more than 10,000 emails. Customers without a name never match by
     * the similarity rules. A search reads what was committed when each of its statements started.
     *
     * <p>With person rules ({@link MatchRule#person()}, as in {@link MatchRules#all()}) the search also reads the
     * name, birthday, company and address of every named customer: once to count the words of names, then in passes
     * sized from the heap ({@code Runtime.maxMemory()}: a pass holds about a quarter of it; one pass up to about
     * 130,000 customers per 256 MB of heap, eight for a million customers with 256 MB), each keeping the customers
     * whose blocking keys (see {@link MatchRule}) fall in its share. A blocking key held by more than 100 customers
     * pairs each with the next 20 in name order rather than every pair. Measured on PostgreSQL with 256 MB of heap
     * (the benchmarks module): 100,000 customers in about 2 seconds, a million in about a minute, against 0.5 and 10
     * seconds with {@link MatchRules#defaults()}.
     *
     * @param rules which rules, and the least score
     * @param limit 1 to {@value #MAX_CLUSTERS}: the clusters returned, best score first
     * @return clusters of linked candidates, best score first, then by smallest id
     * @throws PermissionDeniedException without {@code READ}
     * @throws io.crmkit.api.error.ValidationException on field {@code limit}, code {@code out_of_range}, with a limit
     *                                                 out of range
     * @throws io.crmkit.api.error.LimitExceededException when the person rules find more candidate pairs than a
     *                                                 quarter of the heap holds (about 160,000 with 256 MB, at least
     *                                                 10,000): a threshold too low for them; raise it
     */
    List<DuplicateCluster> findDuplicates(MatchRules rules, int limit);

    /**
     * Finds the candidates of one customer by indexed look-ups of its own identities, with the rules, scores and
     * reasons of {@link #findDuplicates}; here a key held by more than 50 customers pairs this one with all of them.
     *
     * <p>With person rules the call also reads the name, birthday, company and address of every named customer of
     * the tenant once (their blocking keys are computed in Java, so no index finds them): its cost grows with the
     * tenant (about 5 seconds for a million customers on PostgreSQL), its memory does not (at most 10,000 customers
     * sharing a blocking key with this one are compared, the first read).
     *
     * @param customerId the customer
     * @param rules      which rules, and the least score
     * @return the candidates of one customer, best score first, then by id; empty when there are none
     * @throws NotFoundException         when the customer does not exist in the tenant
     * @throws PermissionDeniedException without {@code READ}
     */
    List<DuplicateCandidate> duplicatesOf(long customerId, MatchRules rules);

    /**
     * Computes a merge without writing: the resulting customer field by field with where each value comes
     * from, and the conflicts that would refuse it.
     *
     * @param survivorId the customer that would stay
     * @param mergedId   the customer that would be merged into it; not the survivor (field {@code mergedIds})
     * @param options    the survivorship rules; not null
     * @return the survivor as it would be, each field's outcome, and the conflicts; a preview with conflicts is
     *         not {@link MergePreview#mergeable()}
     * @throws NotFoundException         when either customer does not exist
     * @throws ValidationException       when the two are the same customer, or an override names no field
     * @throws PermissionDeniedException without {@code READ}
     */
    MergePreview preview(long survivorId, long mergedId, MergeOptions options);

    /**
     * Merges one customer into another, in one transaction.
     *
     * @param survivorId the customer that stays
     * @param mergedId   the customer merged into it, which disappears; not the survivor (field {@code mergedIds})
     * @param options    the survivorship rules; not null
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
     * @param survivorId the customer that stays
     * @param mergedIds  1 to {@value #MAX_MERGED} distinct customers, none the survivor (field {@code mergedIds},
     *                   codes {@code out_of_range}, {@code duplicate}, {@code same_customer}); not null
     * @param options    the survivorship rules; not null
     * @return the survivor after the merges, one merge id per merged customer for {@link #undo}
     * @throws MergeConflictException naming the pair that conflicts; nothing changes
     * @see #merge(long, long, MergeOptions)
     */
    MergeResult merge(long survivorId, List<Long> mergedIds, MergeOptions options);

    /**
     * Undoes a merge: the merged customer comes back with its own id, fields, identities, tags, custom values
     * and group memberships; what moved to the survivor moves back. Fields of the survivor edited since the
     * merge keep their new values; a moved identity or tag the survivor no longer has stays gone. Concurrent
     * calls are checked under lock: of two undos of one merge one succeeds and the other hears it was undone, and
     * a merge into the survivor that commits first makes the undo a {@link ConflictException}.
     *
     * @param mergeId a merge's id, from {@link MergeResult#mergeIds()} or {@link MergeRecord#id()}
     * @return the merged customer, restored
     * @throws NotFoundException         when no merge has this id in the tenant
     * @throws ConflictException         when the merge was already undone, its retention passed, or one of the
     *                                   customers took part in a later merge (undo that one first)
     * @throws PermissionDeniedException without {@code MERGE}
     */
    Customer undo(long mergeId);

    /**
     * @param customerId the customer, live or merged away
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
