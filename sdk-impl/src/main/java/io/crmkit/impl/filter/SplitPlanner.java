package io.crmkit.impl.filter;

import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Operator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the cut points of a split while the keys of the matching customers stream past in (createdAt, id)
 * order: part k (1-based) ends at the customer in position floor(k * total / parts), so that part sizes differ
 * by at most one. A cut at position 0 lies before every customer (the part is empty). Keeps only the cut
 * points in memory.
 */
final class SplitPlanner {

    /** Before every customer: no customer is created at the epoch with an id below 1. */
    private static final SplitKey BEFORE_ALL = new SplitKey(Instant.EPOCH, 0);

    private final long[] positions;
    private final SplitKey[] cuts;
    private int next;
    private long position;
    private SplitKey last = BEFORE_ALL;

    SplitPlanner(long total, int parts) {
        positions = new long[parts - 1];
        cuts = new SplitKey[parts - 1];
        for (int k = 0; k < positions.length; k++) {
            positions[k] = total * (k + 1) / parts;
            if (positions[k] == 0) {
                cuts[k] = BEFORE_ALL;
                next = k + 1;
            }
        }
    }

    /** Takes the next key of the stream. @return whether the plan needs more keys */
    boolean accept(SplitKey key) {
        position++;
        last = key;
        while (next < positions.length && positions[next] == position) {
            cuts[next++] = last;
        }
        return next < positions.length;
    }

    /**
     * @return the filter of each part: the original filter within (previous cut, this cut]; the first part
     *         has no lower bound and the last no upper bound, so that nothing falls between parts
     */
    List<Filter> filters(Filter filter) {
        List<Filter> result = new ArrayList<>(cuts.length + 1);
        for (int part = 0; part <= cuts.length; part++) {
            List<Filter> conditions = new ArrayList<>(List.of(filter));
            if (part > 0) {
                SplitKey cut = cut(part - 1);
                conditions.add(Filter.any(Filter.after("createdAt", cut.createdAt()),
                        Filter.all(Filter.eq("createdAt", cut.createdAt()), Filter.where("id", Operator.GT, cut.id()))));
            }
            if (part < cuts.length) {
                SplitKey cut = cut(part);
                conditions.add(Filter.any(Filter.before("createdAt", cut.createdAt()),
                        Filter.all(Filter.eq("createdAt", cut.createdAt()), Filter.where("id", Operator.LE, cut.id()))));
            }
            result.add(Filter.all(conditions.toArray(Filter[]::new)));
        }
        return result;
    }

    /** A cut the stream never reached (customers deleted since the count) lies after the last one seen. */
    private SplitKey cut(int index) {
        return cuts[index] != null ? cuts[index] : last;
    }
}
