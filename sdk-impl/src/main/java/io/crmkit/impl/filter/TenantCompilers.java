package io.crmkit.impl.filter;

import io.crmkit.api.filter.Filter;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.field.FieldCatalog;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.identity.PhoneNormalizer;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Makes the SQL compilers ({@link FilterSql}) of one tenant: its fields, its lifecycle stages, and its saved
 * filters read as conditions refer to them. Each compiler serves one statement. Thread-safe.
 */
final class TenantCompilers {

    private final String tablePrefix;
    private final String tenantId;
    private final FieldCatalog fields;
    private final List<String> stages;
    private final Clock clock;
    private final PhoneNormalizer phones;
    private final Database database;

    TenantCompilers(String tablePrefix, String tenantId, FieldCatalog fields, List<String> stages, Clock clock,
                    PhoneNormalizer phones, Database database) {
        this.tablePrefix = tablePrefix;
        this.tenantId = tenantId;
        this.fields = fields;
        this.stages = stages;
        this.clock = clock;
        this.phones = phones;
        this.database = database;
    }

    /** @return the tenant's custom fields as cached now */
    TenantFields fields() {
        return fields.of(tenantId);
    }

    /** @return the whitelist of what the tenant's filters may name, over its custom fields as cached now */
    FilterFields whitelist(TenantFields fields) {
        return new FilterFields(fields, stages);
    }

    /** @return a compiler that reads the saved filters conditions refer to from the database */
    FilterSql compiler(TenantFields fields) {
        return compiler(fields, List.of());
    }

    /**
     * @param referencing saved filters the compiled filter belongs to, which it must not refer back to
     * @return a compiler that reads the saved filters conditions refer to from the database
     */
    FilterSql compiler(TenantFields fields, Collection<Long> referencing) {
        return compiler(fields, referencing, this::savedFilter);
    }

    /** @param savedFilters looks up the filter of a saved filter of the tenant */
    FilterSql compiler(TenantFields fields, Collection<Long> referencing,
                       Function<Long, Optional<Filter>> savedFilters) {
        return new FilterSql(tablePrefix, tenantId, whitelist(fields), clock, phones, savedFilters,
                referencing, database.dialect(), database.keywordIndexes());
    }

    private Optional<Filter> savedFilter(long id) {
        return Optional.ofNullable(database.read("read a saved filter",
                        session -> new SavedFilterStatements(session).find(tenantId, id)))
                .map(row -> FilterJson.parse(row.filterJson));
    }
}
