package io.crmkit.impl.bulk;

import io.crmkit.api.Actor;
import io.crmkit.impl.customer.ChunkWrites;
import java.time.Instant;
import java.util.List;
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
}
