package io.crmkit.impl.customer;

import static io.crmkit.impl.db.schema.CustomerTable.ADDRESS_DETAIL;
import static io.crmkit.impl.db.schema.CustomerTable.AREA;
import static io.crmkit.impl.db.schema.CustomerTable.AVATAR_URL;
import static io.crmkit.impl.db.schema.CustomerTable.BIRTHDAY;
import static io.crmkit.impl.db.schema.CustomerTable.CITY;
import static io.crmkit.impl.db.schema.CustomerTable.COMPANY;
import static io.crmkit.impl.db.schema.CustomerTable.COUNTRY;
import static io.crmkit.impl.db.schema.CustomerTable.CREATED_AT;
import static io.crmkit.impl.db.schema.CustomerTable.CREATED_BY;
import static io.crmkit.impl.db.schema.CustomerTable.GENDER;
import static io.crmkit.impl.db.schema.CustomerTable.ID;
import static io.crmkit.impl.db.schema.CustomerTable.NAME;
import static io.crmkit.impl.db.schema.CustomerTable.NICKNAME;
import static io.crmkit.impl.db.schema.CustomerTable.OWNER_ID;
import static io.crmkit.impl.db.schema.CustomerTable.PROVINCE;
import static io.crmkit.impl.db.schema.CustomerTable.REMARK;
import static io.crmkit.impl.db.schema.CustomerTable.SOURCE;
import static io.crmkit.impl.db.schema.CustomerTable.STAGE;
import static io.crmkit.impl.db.schema.CustomerTable.STATUS;
import static io.crmkit.impl.db.schema.CustomerTable.TENANT_ID;
import static io.crmkit.impl.db.schema.CustomerTable.UPDATED_AT;
import static io.crmkit.impl.db.schema.CustomerTable.UPDATED_BY;
import static io.crmkit.impl.db.schema.CustomerTable.VERSION;

import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerField;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.customer.Identity;
import io.crmkit.impl.db.schema.Column;
import io.crmkit.impl.db.schema.CustomerTable;
import io.crmkit.impl.db.schema.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A row of the customer table ({@link CustomerTable}) and its one mapping from a validated customer and to the
 * API's {@link Customer}: the only place besides the table's definition that names a built-in column. Text that
 * is not set is "".
 */
final class CustomerRow {

    private final Row row;

    CustomerRow(Row row) {
        this.row = row;
    }

    /** @return the row of a validated customer, stamped as created or updated at {@code at} by {@code actorId} */
    static CustomerRow of(CleanCustomer clean, String tenantId, long id, CustomerStatus status, Instant at,
                          String actorId, long version) {
        return new CustomerRow(new Row(CustomerTable.TABLE)
                .set(TENANT_ID, tenantId)
                .set(ID, id)
                .set(NAME, clean.name())
                .set(NICKNAME, clean.nickname())
                .set(GENDER, clean.gender().name())
                .set(BIRTHDAY, clean.birthday())
                .set(COMPANY, clean.company())
                .set(COUNTRY, clean.address().country())
                .set(PROVINCE, clean.address().province())
                .set(CITY, clean.address().city())
                .set(AREA, clean.address().area())
                .set(ADDRESS_DETAIL, clean.address().detail())
                .set(REMARK, clean.remark())
                .set(AVATAR_URL, clean.avatarUrl())
                .set(SOURCE, clean.source())
                .set(OWNER_ID, clean.ownerId().isEmpty() ? null : clean.ownerId())
                .set(STATUS, status.name())
                .set(STAGE, clean.stage())
                .set(CREATED_AT, at)
                .set(CREATED_BY, actorId)
                .set(UPDATED_AT, at)
                .set(UPDATED_BY, actorId)
                .set(VERSION, version));
    }

    /**
     * @return the columns a patch of this built-in field writes; empty for the fields stored elsewhere (identities,
     *         tags) or written by their own operations (owner, status) or never (the stamps)
     */
    static List<Column> columns(CustomerField field) {
        return switch (field) {
            case NAME -> List.of(NAME);
            case NICKNAME -> List.of(NICKNAME);
            case GENDER -> List.of(GENDER);
            case BIRTHDAY -> List.of(BIRTHDAY);
            case COMPANY -> List.of(COMPANY);
            case ADDRESS -> List.of(COUNTRY, PROVINCE, CITY, AREA, ADDRESS_DETAIL);
            case REMARK -> List.of(REMARK);
            case AVATAR_URL -> List.of(AVATAR_URL);
            case SOURCE -> List.of(SOURCE);
            case STAGE -> List.of(STAGE);
            default -> List.of();
        };
    }

    /** @return the customer this row and its children make */
    Customer toCustomer(List<Identity> identities, List<String> tags, Map<String, Object> custom) {
        return Customer.builder().id(id()).name(row.text(NAME)).nickname(row.text(NICKNAME))
                .gender(Gender.valueOf(row.text(GENDER))).birthday(Optional.ofNullable((LocalDate) row.get(BIRTHDAY)))
                .company(row.text(COMPANY))
                .address(new Address(row.text(COUNTRY), row.text(PROVINCE), row.text(CITY), row.text(AREA),
                        row.text(ADDRESS_DETAIL)))
                .remark(row.text(REMARK)).avatarUrl(row.text(AVATAR_URL)).source(row.text(SOURCE)).ownerId(Optional.ofNullable(row.text(OWNER_ID)))
                .status(CustomerStatus.valueOf(row.text(STATUS))).stage(row.text(STAGE))
                .identities(identities).tags(tags).custom(custom)
                .createdAt((Instant) row.get(CREATED_AT)).createdBy(row.text(CREATED_BY))
                .updatedAt((Instant) row.get(UPDATED_AT)).updatedBy(row.text(UPDATED_BY))
                .version(row.bigint(VERSION)).build();
    }

    /** @return the values by column */
    Row row() {
        return row;
    }

    long id() {
        return row.bigint(ID);
    }

    String status() {
        return row.text(STATUS);
    }
}
