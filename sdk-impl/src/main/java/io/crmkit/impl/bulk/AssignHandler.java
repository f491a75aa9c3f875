package io.crmkit.impl.bulk;

import io.crmkit.api.Actor;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.customer.CustomerLimits;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.impl.customer.ChunkWrites;
import io.crmkit.impl.validation.Errors;
import java.time.Instant;
import java.util.List;
import io.crmkit.impl.db.Session;

/** Assigns customers to an owner; customers not yet identified as valid are skipped and reported. */
final class AssignHandler implements BulkHandler<BulkOperation.Assign> {

    private final ChunkWrites writes;

    AssignHandler(ChunkWrites writes) {
        this.writes = writes;
    }

    @Override
    public ChunkWork prepare(Actor actor, BulkOperation.Assign assign) {
        Errors errors = new Errors();
        String owner = errors.text("ownerId", assign.ownerId(), CustomerLimits.SOURCE_MAX);
        if (owner.isEmpty()) {
            errors.add("ownerId", "required", "an owner id is needed to assign customers");
        }
        errors.throwIfAny();
        String ownerId = assign.ownerId().strip();
        return new ChunkWork() {
            @Override
            public Object parameters() {
                return assign;
            }

            @Override
            public ChunkWrites.Outcome apply(Session session, Actor by, long jobId, List<Long> chunk,
                                             Instant now) {
                return writes.transition(session.getConnection(), by, chunk, CustomerStatus.ASSIGNED, ownerId,
                        CustomerStatus.assignableFrom(), "assign", now);
            }
        };
    }
}
