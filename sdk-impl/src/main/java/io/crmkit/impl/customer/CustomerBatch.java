package io.crmkit.impl.customer;

import io.crmkit.api.Actor;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.error.ValidationException;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.schema.CustomValueTable;
import io.crmkit.impl.db.schema.CustomerTable;
import io.crmkit.impl.db.schema.IdentityTable;
import io.crmkit.impl.db.schema.Row;
import io.crmkit.impl.db.schema.TagTable;
import io.crmkit.impl.field.CustomValueRow;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.validation.Errors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Creates many customers in one transaction, as an import does: each is validated with the rules of a single
 * create, then all are written with one JDBC batch per table. Thread-safe.
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

    /** Inserts the customers with the given ids, in the caller's transaction. */
    public void insert(Connection connection, Actor actor, List<Valid> customers, List<Long> ids, Instant at) {
        String tenant = actor.tenantId();
        try (PreparedStatement customer = connection.prepareStatement(CustomerTable.TABLE.insert(tablePrefix));
             Inserts inserts = new Inserts(connection, tablePrefix)) {
            for (int i = 0; i < customers.size(); i++) {
                CleanCustomer clean = customers.get(i).clean;
                long id = ids.get(i);
                CustomerStatus status = clean.ownerId().isEmpty() ? CustomerStatus.NEW : CustomerStatus.ASSIGNED;
                CustomerRow.of(clean, tenant, id, status, at, actor.actorId(), 1).row().bind(customer);
                customer.addBatch();
                for (IdentityRow row : clean.identities()) {
                    inserts.identity(tenant, id, row, at);
                }
                for (String name : clean.tags()) {
                    inserts.tag(tenant, id, name, at);
                }
                for (CustomValueRow row : CustomerStore.customRows(clean)) {
                    inserts.customValue(tenant, id, row);
                }
            }
            customer.executeBatch();
            inserts.execute();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    /**
     * The insert statements of customers' identities, tags and custom values, each prepared when first used and
     * sent as one batch.
     */
    static final class Inserts implements AutoCloseable {
        private final Connection connection;
        private final String prefix;
        private PreparedStatement identity;
        private PreparedStatement tag;
        private PreparedStatement custom;

        Inserts(Connection connection, String prefix) {
            this.connection = connection;
            this.prefix = prefix;
        }

        void identity(String tenant, long id, IdentityRow row, Instant at) throws SQLException {
            if (identity == null) {
                identity = connection.prepareStatement(IdentityTable.TABLE.insert(prefix));
            }
            row.toRow(tenant, id, at).bind(identity);
            identity.addBatch();
        }

        void tag(String tenant, long id, String name, Instant at) throws SQLException {
            if (tag == null) {
                tag = connection.prepareStatement(TagTable.TABLE.insert(prefix));
            }
            new Row(TagTable.TABLE).set(TagTable.TENANT_ID, tenant).set(TagTable.CUSTOMER_ID, id)
                    .set(TagTable.TAG, name).set(TagTable.CREATED_AT, at).bind(tag);
            tag.addBatch();
        }

        void customValue(String tenant, long id, CustomValueRow row) throws SQLException {
            if (custom == null) {
                custom = connection.prepareStatement(CustomValueTable.TABLE.insert(prefix));
            }
            row.toRow(tenant, id).bind(custom);
            custom.addBatch();
        }

        void execute() throws SQLException {
            for (PreparedStatement statement : new PreparedStatement[] {identity, tag, custom}) {
                if (statement != null) {
                    statement.executeBatch();
                }
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : new PreparedStatement[] {identity, tag, custom}) {
                if (statement != null) {
                    statement.close();
                }
            }
        }
    }
}
