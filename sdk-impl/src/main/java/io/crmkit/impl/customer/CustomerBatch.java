package io.crmkit.impl.customer;

import io.crmkit.api.Actor;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.error.ValidationException;
import io.crmkit.impl.KitContext;
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

    private final KitContext kit;
    private final CustomerValidator validator;

    public CustomerBatch(KitContext kit) {
        this.kit = kit;
        this.validator = new CustomerValidator(kit);
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
        try (PreparedStatement customer = connection.prepareStatement(CustomerTable.TABLE.insert(kit.tablePrefix()));
             Inserts inserts = new Inserts(connection, kit.tablePrefix())) {
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

    /** The insert statements of a customer's identities, tags and custom values, sent as one batch each. */
    static final class Inserts implements AutoCloseable {
        private final PreparedStatement identity;
        private final PreparedStatement tag;
        private final PreparedStatement custom;
        private int identities;
        private int tags;
        private int values;

        Inserts(Connection connection, String prefix) throws SQLException {
            identity = connection.prepareStatement(IdentityTable.TABLE.insert(prefix));
            tag = connection.prepareStatement(TagTable.TABLE.insert(prefix));
            custom = connection.prepareStatement(CustomValueTable.TABLE.insert(prefix));
        }

        void identity(String tenant, long id, IdentityRow row, Instant at) throws SQLException {
            row.toRow(tenant, id, at).bind(identity);
            identity.addBatch();
            identities++;
        }

        void tag(String tenant, long id, String name, Instant at) throws SQLException {
            new Row(TagTable.TABLE).set(TagTable.TENANT_ID, tenant).set(TagTable.CUSTOMER_ID, id)
                    .set(TagTable.TAG, name).set(TagTable.CREATED_AT, at).bind(tag);
            tag.addBatch();
            tags++;
        }

        void customValue(String tenant, long id, CustomValueRow row) throws SQLException {
            row.toRow(tenant, id).bind(custom);
            custom.addBatch();
            values++;
        }

        void execute() throws SQLException {
            if (identities > 0) {
                identity.executeBatch();
            }
            if (tags > 0) {
                tag.executeBatch();
            }
            if (values > 0) {
                custom.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            identity.close();
            tag.close();
            custom.close();
        }
    }
}
