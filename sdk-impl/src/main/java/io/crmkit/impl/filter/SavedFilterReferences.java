package io.crmkit.impl.filter;

import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.field.TenantFields;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a filter about to be saved against the tenant's fields and saved filters, and the saved filters that
 * refer to it against the expanded limit. Thread-safe.
 */
final class SavedFilterReferences {

    private final TenantCompilers compilers;
    private final Database database;
    private final String tenantId;

    SavedFilterReferences(TenantCompilers compilers, Database database, String tenantId) {
        this.compilers = compilers;
        this.database = database;
        this.tenantId = tenantId;
    }

    /**
     * Checks a filter against the tenant's fields and saved filters without running it.
     *
     * @param referencing saved filters the filter will belong to, which it must not refer back to
     */
    void check(Filter filter, Collection<Long> referencing) {
        compilers.compiler(compilers.fields(), referencing).filter(filter);
    }

    /**
     * Checks that the saved filters that refer to saved filter {@code id}, directly or through others, stay within
     * {@link Filter#MAX_EXPANDED_CONDITIONS} with {@code replacement} in its place. Reads the tenant's saved filters
     * once; a referrer that fails for another reason (a field retired since) is left to fail when it is used.
     *
     * @throws ValidationException on field {@code filter}, code {@code too_many}, naming the first referrer that
     *                             would pass the limit
     */
    void checkReferrers(long id, Filter replacement) {
        List<SavedFilterRow> rows = database.read("list saved filters",
                session -> new SavedFilterStatements(session).list(tenantId));
        Map<Long, Filter> byId = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        rows.forEach(row -> {
            byId.put(row.id, FilterJson.parse(row.filterJson));
            names.put(row.id, row.name);
        });
        byId.put(id, replacement);
        TenantFields fields = compilers.fields();
        for (long referrer : referrers(byId, id)) {
            FilterSql sql = compilers.compiler(fields, List.of(referrer), other -> Optional.ofNullable(byId.get(other)));
            try {
                sql.filter(byId.get(referrer));
            } catch (ValidationException invalid) {
                boolean tooLarge = invalid.errors().stream().anyMatch(error -> error.code().equals("too_many")
                        && error.limit().equals(Optional.of(String.valueOf(Filter.MAX_EXPANDED_CONDITIONS))));
                if (tooLarge) {
                    throw new ValidationException(List.of(FieldError.of("filter", "too_many", "filter: saved filter '"
                            + names.get(referrer) + "' (" + referrer + ") refers to this one and would then hold more"
                            + " than " + Filter.MAX_EXPANDED_CONDITIONS + " conditions with every saved filter it"
                            + " refers to inlined; change that one first", Filter.MAX_EXPANDED_CONDITIONS)));
                }
            }
        }
    }

    /** @return the saved filters that refer to {@code id} directly or through others, nearest first */
    static List<Long> referrers(Map<Long, Filter> byId, long id) {
        Map<Long, List<Long>> referredBy = new HashMap<>();
        byId.forEach((referrer, filter) -> SavedFilterInliner.references(filter)
                .forEach(target -> referredBy.computeIfAbsent(target, ignored -> new ArrayList<>()).add(referrer)));
        Set<Long> found = new LinkedHashSet<>();
        Deque<Long> next = new ArrayDeque<>(List.of(id));
        while (!next.isEmpty()) {
            for (long referrer : referredBy.getOrDefault(next.poll(), List.of())) {
                if (referrer != id && found.add(referrer)) {
                    next.add(referrer);
                }
            }
        }
        return new ArrayList<>(found);
    }
}
