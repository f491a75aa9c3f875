package io.crmkit.impl.bulk;

import io.crmkit.api.Actor;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.impl.customer.ChunkWrites;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import io.crmkit.impl.db.Session;

/**
 * Moves customers to a status without an owner (identify as valid, recycle to the pool); customers in a status the
 * move does not start from are skipped and reported.
 *
 * @param <O> the operation's class
 */
final class TransitionHandler<O extends BulkOperation> implements BulkHandler<O> {

    private final ChunkWrites writes;
    private final CustomerStatus to;
    private final Set<CustomerStatus> from;
    private final String label;

    TransitionHandler(ChunkWrites writes, CustomerStatus to, Set<CustomerStatus> from, String label) {
        this.writes = writes;
        this.to = to;
        this.from = from;
        this.label = label;
    }

    @Override
    public ChunkWork prepare(Actor actor, O operation) {
        return new ChunkWork() {
            @Override
            public Object parameters() {
                return operation;
            }

            @Override
            public ChunkWrites.Outcome apply(Session session, Actor by, long jobId, List<Long> chunk,
                                             Instant now) {
                return writes.transition(session.getConnection(), by, chunk, to, null, from, label, now);
            }
        };
    }
}
