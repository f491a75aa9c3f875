package io.crmkit.impl.bulk;

import io.crmkit.api.Actor;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.error.ValidationException;
import io.crmkit.impl.customer.ChunkWrites;
import java.time.Instant;
import java.util.List;
import io.crmkit.impl.db.Session;

/** Adds tags, cleaned as single customers' tags are. */
final class AddTagsHandler implements BulkHandler<BulkOperation.AddTags> {

    private final ChunkWrites writes;

    AddTagsHandler(ChunkWrites writes) {
        this.writes = writes;
    }

    @Override
    public ChunkWork prepare(Actor actor, BulkOperation.AddTags add) {
        List<String> tags = ChunkWrites.cleanTags(add.tags());
        if (tags.isEmpty()) {
            throw ValidationException.of("tags", "required", "tags: name at least one tag to add");
        }
        return new ChunkWork() {
            @Override
            public Object parameters() {
                return add;
            }

            @Override
            public ChunkWrites.Outcome apply(Session session, Actor by, long jobId, List<Long> chunk,
                                             Instant now) {
                return writes.addTags(session.getConnection(), by, chunk, tags, now);
            }
        };
    }
}
