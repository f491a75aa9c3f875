package io.crmkit.impl.customer;

import io.crmkit.api.Actor;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.error.ValidationException;
import io.crmkit.impl.KitContext;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.field.CustomValueRow;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.validation.Errors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Creates many customers in one transaction, as an import does: each is validated with the rules of a single
 * create, then all are written with one JDBC batch per table. Thread-safe.
 */
public final class CustomerBatch {

    private static final String CUSTOMER_COLUMNS = "tenant_id, id, name, nickname, gender, birthday, company,"
            + " country, province, city, area, address_detail, remark, source, owner_id, status, stage, created_at,"
            + " created_by, updated_at, updated_by, version";

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
        try (PreparedStatement customer = connection.prepareStatement("INSERT INTO " + kit.tablePrefix()
                + "customer (" + CUSTOMER_COLUMNS + ") VALUES (" + "?, ".repeat(21) + "?)");
             Inserts inserts = new Inserts(connection, kit.tablePrefix())) {
            for (int i = 0; i < customers.size(); i++) {
                CleanCustomer clean = customers.get(i).clean;
                long id = ids.get(i);
                CustomerStatus status = clean.ownerId().isEmpty() ? CustomerStatus.NEW : CustomerStatus.ASSIGNED;
                bindCustomer(customer, CustomerStore.toRow(clean, tenant, id, status, at, actor.actorId(), 1));
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
            identity = connection.prepareStatement("INSERT INTO " + prefix + "identity (tenant_id, id_type, id_value,"
                    + " customer_id, ordinal, verified, created_at, match_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            tag = connection.prepareStatement("INSERT INTO " + prefix + "tag (tenant_id, customer_id, tag,"
                    + " created_at) VALUES (?, ?, ?, ?)");
            custom = connection.prepareStatement("INSERT INTO " + prefix + "custom_value (tenant_id, customer_id,"
                    + " field_id, ordinal, text_value, number_value, bool_value, date_value, time_value)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        void identity(String tenant, long id, IdentityRow row, Instant at) throws SQLException {
            IdStatements.bind(identity, 1, tenant);
            IdStatements.bind(identity, 2, row.idType);
            IdStatements.bind(identity, 3, row.idValue);
            identity.setLong(4, id);
            identity.setInt(5, row.ordinal);
            identity.setBoolean(6, row.verified);
            IdStatements.bind(identity, 7, at);
            IdStatements.bind(identity, 8, row.getMatchKey());
            identity.addBatch();
            identities++;
        }

        void tag(String tenant, long id, String name, Instant at) throws SQLException {
            IdStatements.bind(tag, 1, tenant);
            tag.setLong(2, id);
            IdStatements.bind(tag, 3, name);
            IdStatements.bind(tag, 4, at);
            tag.addBatch();
            tags++;
        }

        void customValue(String tenant, long id, CustomValueRow row) throws SQLException {
            bindCustomValue(custom, tenant, id, row);
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

    static void bindCustomer(PreparedStatement statement, CustomerRow row) throws SQLException {
        IdStatements.bind(statement, 1, row.tenantId);
        statement.setLong(2, row.id);
        IdStatements.bind(statement, 3, row.name);
        IdStatements.bind(statement, 4, row.nickname);
        IdStatements.bind(statement, 5, row.gender);
        typed(statement, 6, row.birthday, Types.DATE);
        IdStatements.bind(statement, 7, row.company);
        IdStatements.bind(statement, 8, row.country);
        IdStatements.bind(statement, 9, row.province);
        IdStatements.bind(statement, 10, row.city);
        IdStatements.bind(statement, 11, row.area);
        IdStatements.bind(statement, 12, row.addressDetail);
        IdStatements.bind(statement, 13, row.remark);
        IdStatements.bind(statement, 14, row.source);
        IdStatements.bind(statement, 15, row.ownerId);
        IdStatements.bind(statement, 16, row.status);
        IdStatements.bind(statement, 17, row.stage);
        IdStatements.bind(statement, 18, row.createdAt);
        IdStatements.bind(statement, 19, row.createdBy);
        IdStatements.bind(statement, 20, row.updatedAt);
        IdStatements.bind(statement, 21, row.updatedBy);
        statement.setLong(22, row.version);
        statement.addBatch();
    }

    static void bindCustomValue(PreparedStatement statement, String tenant, long id, CustomValueRow row)
            throws SQLException {
        IdStatements.bind(statement, 1, tenant);
        statement.setLong(2, id);
        statement.setLong(3, row.fieldId);
        statement.setInt(4, row.ordinal);
        typed(statement, 5, row.textValue, Types.VARCHAR);
        typed(statement, 6, row.numberValue, Types.DECIMAL);
        typed(statement, 7, row.boolValue, Types.BOOLEAN);
        typed(statement, 8, row.dateValue, Types.DATE);
        if (row.timeValue == null) {
            statement.setNull(9, Types.TIMESTAMP);
        } else {
            IdStatements.bind(statement, 9, row.timeValue);
        }
        statement.addBatch();
    }

    /** Binds a value, or a null of the column's type (PostgreSQL refuses a VARCHAR null in a DATE column). */
    static void typed(PreparedStatement statement, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
        } else {
            statement.setObject(index, value);
        }
    }
}
