package io.crmkit.impl.customer;

import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.customer.Identity;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.field.CustomValueRow;
import io.crmkit.impl.field.FieldValues;
import io.crmkit.impl.field.TenantFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;

/** Reads a whole customer (row, identities, tags, custom values) and writes one, inside a caller's transaction. */
public final class CustomerStore {

    private static final int MAX_READ_ATTEMPTS = 5;

    private CustomerStore() {
    }

    /** Loads one customer inside the caller's transaction. */
    static Optional<Customer> load(SqlSession session, String tenantId, long id, TenantFields fields) {
        CustomerMapper mapper = session.getMapper(CustomerMapper.class);
        CustomerRow row = mapper.find(tenantId, id);
        if (row == null) {
            return Optional.empty();
        }
        List<Identity> identities = mapper.identities(tenantId, id).stream().map(IdentityKinds::toIdentity).toList();
        return Optional.of(toCustomer(row, identities, mapper.tags(tenantId, id),
                custom(mapper.customValues(tenantId, id), fields)));
    }

    /** @return the customer's version, or null when the tenant has no such customer */
    public static Long version(SqlSession session, String tenantId, long id) {
        return session.getMapper(CustomerMapper.class).version(tenantId, id);
    }

    /**
     * Loads a customer outside a write transaction: the row and its children are read by separate
     * statements, each with its own snapshot on READ COMMITTED databases, so the version is read again
     * afterwards and the load repeated if a write slipped in between.
     */
    static Optional<Customer> loadConsistent(SqlSession session, String tenantId, long id, TenantFields fields) {
        CustomerMapper mapper = session.getMapper(CustomerMapper.class);
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
     * Inserts the customer row and everything that belongs to it, one static statement per row, so that a
     * batch session sends each table's rows as one JDBC batch without building SQL per call.
     */
    static void insert(SqlSession session, CustomerRow row, CleanCustomer clean) {
        CustomerMapper mapper = session.getMapper(CustomerMapper.class);
        mapper.insert(row);
        for (IdentityRow identity : clean.identities()) {
            identity.tenantId = row.tenantId;
            identity.customerId = row.id;
            identity.createdAt = row.createdAt;
            mapper.insertIdentity(identity);
        }
        for (String tag : clean.tags()) {
            mapper.insertTag(new TagRow(row.tenantId, row.id, tag, row.createdAt));
        }
        for (CustomValueRow value : customRows(clean)) {
            value.tenantId = row.tenantId;
            value.customerId = row.id;
            mapper.insertCustomValue(value);
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

    static CustomerRow toRow(CleanCustomer clean, String tenantId, long id, CustomerStatus status, Instant at,
                             String actorId, long version) {
        CustomerRow row = new CustomerRow();
        row.tenantId = tenantId;
        row.id = id;
        row.name = clean.name();
        row.nickname = clean.nickname();
        row.gender = clean.gender().name();
        row.birthday = clean.birthday();
        row.company = clean.company();
        row.country = clean.address().country();
        row.province = clean.address().province();
        row.city = clean.address().city();
        row.area = clean.address().area();
        row.addressDetail = clean.address().detail();
        row.remark = clean.remark();
        row.source = clean.source();
        row.ownerId = clean.ownerId().isEmpty() ? null : clean.ownerId();
        row.status = status.name();
        row.stage = clean.stage();
        row.createdAt = at;
        row.createdBy = actorId;
        row.updatedAt = at;
        row.updatedBy = actorId;
        row.version = version;
        return row;
    }

    static Customer toCustomer(CustomerRow row, List<Identity> identities, List<String> tags,
                               Map<String, Object> custom) {
        return Customer.builder().id(row.id).name(row.name).nickname(row.nickname).gender(Gender.valueOf(row.gender))
                .birthday(Optional.ofNullable(row.birthday)).company(row.company)
                .address(new Address(row.country, row.province, row.city, row.area, row.addressDetail))
                .remark(row.remark).source(row.source).ownerId(Optional.ofNullable(row.ownerId))
                .status(CustomerStatus.valueOf(row.status)).stage(row.stage).identities(identities).tags(tags)
                .custom(custom).createdAt(row.createdAt).createdBy(row.createdBy).updatedAt(row.updatedAt)
                .updatedBy(row.updatedBy).version(row.version).build();
    }

    /**
     * Finds who holds the identities a failed write tried to store, so that the caller hears which value is
     * taken and by whom.
     */
    static ConflictException identityConflict(Database database, String tenantId, long self,
                                              List<IdentityRow> wanted) {
        List<IdentityRow> holders = wanted.isEmpty() ? List.of() : database.read("look up identity owners",
                session -> session.getMapper(CustomerMapper.class).findIdentities(tenantId, wanted));
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
