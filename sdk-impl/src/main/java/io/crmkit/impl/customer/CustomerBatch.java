package io.crmkit.impl.customer;

import io.crmkit.api.Actor;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.error.ValidationException;
import io.crmkit.impl.db.BulkRows;
import io.crmkit.impl.db.schema.Row;
import io.crmkit.impl.db.schema.TagTable;
import io.crmkit.impl.field.CustomValueRow;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.validation.Errors;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Creates many customers in one transaction, as an import does: each is validated with the rules of a single
 * create, then all are written at once per table ({@link BulkRows}). Thread-safe.
 */
public final class CustomerBatch {

    private final String tablePrefix;
    private final CustomerValidator validator;

    public CustomerBatch(String tablePrefix, CustomerEditor editor) {
        this.tablePrefix = tablePrefix;
        this.validator = editor.validator();
    }

    /** A customer that passed validation, ready to insert. */
    public static final class Valid {
        private final CleanCustomer clean;

        private Valid(CleanCustomer clean) {
            this.clean = clean;
        }

        /** @return its identities as {@code type|normalized value} keys, e.g. {@code phone|+84912345678} */
        public List<String> identityKeys() {
            return clean.identities().stream().map(row -> row.idType + "|" + row.idValue).toList();
        }
    }

    /**
     * @return the draft, validated as a single create would validate it
     * @throws ValidationException listing every rule the draft breaks
     */
    public Valid validate(CustomerDraft draft, TenantFields fields, Errors earlier) {
        return new Valid(validator.validate(draft, fields, fields.requiredKeys(), Set.of(), field -> true, earlier));
    }

    /**
     * Inserts the customers with the given ids, in the caller's transaction: each table's rows at once
     * ({@link BulkRows}: COPY on PostgreSQL with pgjdbc, multi-row INSERTs elsewhere).
     */
    public void insert(Connection connection, Actor actor, List<Valid> customers, List<Long> ids, Instant at) {
        String tenant = actor.tenantId();
        List<Row> customerRows = new ArrayList<>(customers.size());
        List<Row> identityRows = new ArrayList<>(customers.size() * 2);
        List<Row> tagRows = new ArrayList<>(customers.size() * 2);
        List<Row> customRows = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            CleanCustomer clean = customers.get(i).clean;
            long id = ids.get(i);
            CustomerStatus status = clean.ownerId().isEmpty() ? CustomerStatus.NEW : CustomerStatus.ASSIGNED;
            customerRows.add(CustomerRow.of(clean, tenant, id, status, at, actor.actorId(), 1).row());
            for (IdentityRow row : clean.identities()) {
                identityRows.add(row.toRow(tenant, id, at));
            }
            for (String name : clean.tags()) {
                tagRows.add(new Row(TagTable.TABLE).set(TagTable.TENANT_ID, tenant).set(TagTable.CUSTOMER_ID, id)
                        .set(TagTable.TAG, name).set(TagTable.CREATED_AT, at));
            }
            for (CustomValueRow row : CustomerStore.customRows(clean)) {
                customRows.add(row.toRow(tenant, id));
            }
        }
        BulkRows.insert(connection, tablePrefix, customerRows);
        BulkRows.insert(connection, tablePrefix, identityRows);
        BulkRows.insert(connection, tablePrefix, tagRows);
        BulkRows.insert(connection, tablePrefix, customRows);
    }

    /**
     * The rows of customers' identities, tags and custom values to insert, collected and then inserted at once per
     * table ({@link BulkRows}).
     */
    static final class Inserts implements AutoCloseable {
        private final Connection connection;
        private final String prefix;
        private final List<Row> identities = new ArrayList<>();
        private final List<Row> tags = new ArrayList<>();
        private final List<Row> custom = new ArrayList<>();

        Inserts(Connection connection, String prefix) {
            this.connection = connection;
            this.prefix = prefix;
        }

        void identity(String tenant, long id, IdentityRow row, Instant at) throws SQLException {
            identities.add(row.toRow(tenant, id, at));
        }

        void tag(String tenant, long id, String name, Instant at) throws SQLException {
            tags.add(new Row(TagTable.TABLE).set(TagTable.TENANT_ID, tenant).set(TagTable.CUSTOMER_ID, id)
                    .set(TagTable.TAG, name).set(TagTable.CREATED_AT, at));
        }

        void customValue(String tenant, long id, CustomValueRow row) throws SQLException {
            custom.add(row.toRow(tenant, id));
        }

        /** Inserts the rows collected so far, identities first, then tags, then custom values. */
        void execute() throws SQLException {
            for (List<Row> rows : List.of(identities, tags, custom)) {
                BulkRows.insert(connection, prefix, rows);
                rows.clear();
            }
        }

        @Override
        public void close() {
            identities.clear();
            tags.clear();
            custom.clear();
        }
    }
}
