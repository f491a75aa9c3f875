package io.crmkit.impl.customer;

import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.Identity;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.db.schema.CustomerTable;
import io.crmkit.impl.field.CustomValueRow;
import io.crmkit.impl.field.FieldValues;
import io.crmkit.impl.field.TenantFields;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads a whole customer (row, identities, tags, custom values) and writes one, inside a caller's transaction. */
public final class CustomerStore {

    private static final int MAX_READ_ATTEMPTS = 5;

    private CustomerStore() {
    }

    /** Loads one customer inside the caller's transaction. */
    static Optional<Customer> load(Session session, String tenantId, long id, TenantFields fields) {
        CustomerStatements mapper = new CustomerStatements(session);
        CustomerRow row = mapper.find(tenantId, id);
        if (row == null) {
            return Optional.empty();
        }
        List<Identity> identities = mapper.identities(tenantId, id).stream().map(IdentityKinds::toIdentity).toList();
        return Optional.of(row.toCustomer(identities, mapper.tags(tenantId, id),
                custom(mapper.customValues(tenantId, id), fields)));
    }

    /** @return the customer's version, or null when the tenant has no such customer */
    public static Long version(Session session, String tenantId, long id) {
        return new CustomerStatements(session).version(tenantId, id);
    }

    /**
     * Loads a customer outside a write transaction: the row and its children are read by separate
     * statements, each with its own snapshot on READ COMMITTED databases, so the version is read again
     * afterwards and the load repeated if a write slipped in between.
     */
    static Optional<Customer> loadConsistent(Session session, String tenantId, long id, TenantFields fields) {
        CustomerStatements mapper = new CustomerStatements(session);
        for (int attempt = 1; ; attempt++) {
            Optional<Customer> customer = load(session, tenantId, id, fields);
            if (customer.isEmpty()) {
                return customer;
            }
            Long version = mapper.version(tenantId, id);
            if ((version != null && version == customer.get().version()) || attempt == MAX_READ_ATTEMPTS) {
                return customer;
            }
        }
    }

    /**
     * Inserts the customer row and everything that belongs to it, each child table's rows as one JDBC batch.
     */
    static void insert(Session session, CustomerRow row, CleanCustomer clean) {
        new CustomerStatements(session).insert(row);
        String tenant = row.row().text(CustomerTable.TENANT_ID);
        Instant at = (Instant) row.row().get(CustomerTable.CREATED_AT);
        try (CustomerBatch.Inserts inserts = new CustomerBatch.Inserts(session.getConnection(), session.prefix())) {
            for (IdentityRow identity : clean.identities()) {
                inserts.identity(tenant, row.id(), identity, at);
            }
            for (String tag : clean.tags()) {
                inserts.tag(tenant, row.id(), tag, at);
            }
            for (CustomValueRow value : customRows(clean)) {
                inserts.customValue(tenant, row.id(), value);
            }
            inserts.execute();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }

    /** @return the rows storing the non-empty custom values of a clean customer */
    static List<CustomValueRow> customRows(CleanCustomer clean) {
        List<CustomValueRow> rows = new ArrayList<>();
        clean.custom().forEach((field, value) -> {
            if (value != null) {
                rows.addAll(FieldValues.toRows(field, value));
            }
        });
        return rows;
    }

    /**
     * Finds who holds the identities a failed write tried to store, so that the caller hears which value is
     * taken and by whom.
     */
    static ConflictException identityConflict(Database database, String tenantId, long self,
                                              List<IdentityRow> wanted) {
        List<IdentityRow> holders = wanted.isEmpty() ? List.of() : database.read("look up identity owners",
                session -> new CustomerStatements(session).findIdentities(tenantId, wanted));
        return holders.stream()
                .filter(holder -> holder.customerId != self)
                .findFirst()
                .map(holder -> new ConflictException(describe(holder) + " already belongs to customer "
                        + holder.customerId + "; merge the two customers or use another value", holder.customerId))
                .orElseGet(() -> new ConflictException("a unique key collided: an identity of this customer was taken"
                        + " by a concurrent write, or two kits on this database share a nodeId; retry, and give each"
                        + " kit its own nodeId"));
    }

    private static String describe(IdentityRow row) {
        return row.idType.replace('_', ' ') + " '" + row.idValue + "'";
    }

    static Map<String, Object> custom(List<CustomValueRow> rows, TenantFields fields) {
        Map<Long, List<CustomValueRow>> byField = rows.stream()
                .collect(Collectors.groupingBy(row -> row.fieldId, LinkedHashMap::new, Collectors.toList()));
        Map<String, Object> custom = new LinkedHashMap<>();
        for (FieldDefinition field : fields.active()) {
            List<CustomValueRow> values = byField.get(field.id());
            if (values != null) {
                custom.put(field.key(), FieldValues.fromRows(field, values));
            }
        }
        return custom;
    }
}
