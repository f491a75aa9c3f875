package io.crmkit.impl.bulk;

import io.crmkit.api.Actor;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.customer.CustomerLimits;
import io.crmkit.api.error.ValidationException;
import io.crmkit.impl.customer.ChunkWrites;
import java.time.Instant;
import java.util.List;
import io.crmkit.impl.db.Session;

/** Removes tags: 1 to {@link CustomerLimits#TAGS_MAX} of them, stripped. */
final class RemoveTagsHandler implements BulkHandler<BulkOperation.RemoveTags> {

    private final ChunkWrites writes;

    RemoveTagsHandler(ChunkWrites writes) {
        this.writes = writes;
    }

    @Override
    public ChunkWork prepare(Actor actor, BulkOperation.RemoveTags remove) {
        List<String> tags = remove.tags().stream().filter(tag -> tag != null && !tag.isBlank()).map(String::strip)
                .distinct().toList();
        if (tags.isEmpty() || tags.size() > CustomerLimits.TAGS_MAX) {
            throw ValidationException.of("tags", tags.isEmpty() ? "required" : "too_many", "tags: name 1 to "
                    + CustomerLimits.TAGS_MAX + " tags to remove, got " + tags.size());
        }
        return new ChunkWork() {
            @Override
            public Object parameters() {
                return remove;
            }

            @Override
            public ChunkWrites.Outcome apply(Session session, Actor by, long jobId, List<Long> chunk,
                                             Instant now) {
                return writes.removeTags(session.getConnection(), by, chunk, tags, now);
            }
        };
    }
}
