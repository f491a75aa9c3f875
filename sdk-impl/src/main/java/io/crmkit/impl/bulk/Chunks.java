package io.crmkit.impl.bulk;

import io.crmkit.api.bulk.BulkService;
import io.crmkit.api.bulk.Selection;
import io.crmkit.impl.filter.DefaultFilterService;
import java.util.List;
import java.util.TreeSet;

/**
 * The ids of a selection, {@value BulkService#CHUNK_SIZE} at a time in id order: explicit ids as given
 * (sorted), a query's by keyset on the id as the chunks come, so that customers a chunk deleted or changed do
 * not shift the next. Stops after {@value BulkService#MAX_CUSTOMERS} ids even if more start to match.
 * Not thread-safe.
 */
final class Chunks {

    private final Selection selection;
    private final DefaultFilterService filters;
    private final List<Long> ids;
    private long lastId = Long.MIN_VALUE;
    private int position;
    private long emitted;

    Chunks(Selection selection, DefaultFilterService filters) {
        this.selection = selection;
        this.filters = filters;
        this.ids = selection.byIds() ? List.copyOf(new TreeSet<>(selection.ids())) : List.of();
    }

    /** @return the next chunk, empty at the end */
    List<Long> next() {
        long room = BulkService.MAX_CUSTOMERS - emitted;
        int size = (int) Math.min(BulkService.CHUNK_SIZE, room);
        if (size <= 0) {
            return List.of();
        }
        List<Long> chunk;
        if (selection.byIds()) {
            chunk = ids.subList(position, Math.min(position + size, ids.size()));
            position += chunk.size();
        } else {
            chunk = filters.idsAfter(selection.filter(), selection.keyword(), lastId, size);
        }
        if (!chunk.isEmpty()) {
            lastId = chunk.get(chunk.size() - 1);
        }
        emitted += chunk.size();
        return chunk;
    }
}
