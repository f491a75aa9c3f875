package io.crmkit.impl.bulk;

import io.crmkit.api.bulk.BulkService;
import io.crmkit.api.bulk.Selection;
import io.crmkit.impl.filter.DefaultFilterService;
import java.util.List;
import java.util.TreeSet;

/**
 * The ids of a selection, {@value BulkService#CHUNK_SIZE} at a time in id order: explicit ids as given
 * (sorted), a query's by keyset on the id as the chunks come, so that customers a chunk deleted or changed do
 * not shift the next. Stops after the operation's limit of ids even if more start to match.
 * A confirmed delete goes through the ids its preview bound instead ({@link #of(List)}). Not thread-safe.
 */
final class Chunks {

    private final Selection selection;
    private final DefaultFilterService filters;
    private final List<Long> ids;
    private final long limit;
    private final long matches;
    private long lastId = Long.MIN_VALUE;
    private int position;
    private long emitted;

    /** @param ids the ids to go through, or null to list the selection's query as the chunks come */
    private Chunks(Selection selection, DefaultFilterService filters, List<Long> ids, long limit, long matches) {
        this.selection = selection;
        this.filters = filters;
        this.ids = ids;
        this.limit = limit;
        this.matches = matches;
    }

    /**
     * @param limit   the most ids to give, the operation's {@link Selections#limit}
     * @param matches how many customers the selection matched when the operation was counted ({@code
     *                Long.MAX_VALUE} when unknown), which chooses how a keyword's chunks are found
     *                ({@link DefaultFilterService#idsAfter})
     */
    Chunks(Selection selection, DefaultFilterService filters, long limit, long matches) {
        this(selection, filters, selection.byIds() ? List.copyOf(new TreeSet<>(selection.ids())) : null, limit,
                matches);
    }

    /** @return chunks of these ids, in ascending order */
    static Chunks of(List<Long> ids) {
        return new Chunks(null, null, List.copyOf(new TreeSet<>(ids)), Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /** @return the next chunk, empty at the end */
    List<Long> next() {
        long room = limit - emitted;
        int size = (int) Math.min(BulkService.CHUNK_SIZE, room);
        if (size <= 0) {
            return List.of();
        }
        List<Long> chunk;
        if (ids != null) {
            chunk = ids.subList(position, Math.min(position + size, ids.size()));
            position += chunk.size();
        } else {
            chunk = filters.idsAfter(selection.filter(), selection.keyword(), lastId, size, matches);
        }
        if (!chunk.isEmpty()) {
            lastId = chunk.get(chunk.size() - 1);
        }
        emitted += chunk.size();
        return chunk;
    }
}
