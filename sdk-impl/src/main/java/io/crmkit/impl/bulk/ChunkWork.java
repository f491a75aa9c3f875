package io.crmkit.impl.bulk;

import io.crmkit.api.Actor;
import io.crmkit.impl.customer.ChunkWrites;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import io.crmkit.impl.db.Session;

/** A bulk operation checked by its {@link BulkHandler}, ready to apply to each chunk of its selection. */
interface ChunkWork {

    /** @return the operation's cleaned parameters, which its run key digests with the selection */
    Object parameters();

    /**
     * Applies the operation to a chunk's customers inside the chunk's transaction.
     *
     * @param jobId the operation's job
     * @param chunk the customers, in id order, locked or still matching the selection
     * @return what happened to each customer
     */
    ChunkWrites.Outcome apply(Session session, Actor actor, long jobId, List<Long> chunk, Instant now);

    /**
     * Of the chunk's customers that were not found, those the operation finds already as it would make them: a
     * delete's customers already in the trash (moved there by an earlier run of the same job, say, that a crash
     * stopped). They are counted unchanged, not failed.
     *
     * @param notFound ids not found among the tenant's live customers, in id order
     * @return the ids among them that need nothing
     */
    default Set<Long> alreadyDone(Session session, Actor actor, List<Long> notFound) {
        return Set.of();
    }

    /**
     * Called after a chunk's transaction committed, outside it, with what the chunk did: a delete keeps the
     * statistics of the trash tables it fills up to date here. Must not throw.
     */
    default void committed(ChunkWrites.Outcome outcome) {
    }
}
