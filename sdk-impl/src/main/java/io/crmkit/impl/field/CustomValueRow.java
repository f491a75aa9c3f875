package io.crmkit.impl.field;

import static io.crmkit.impl.db.schema.CustomValueTable.BOOL_VALUE;
import static io.crmkit.impl.db.schema.CustomValueTable.CUSTOMER_ID;
import static io.crmkit.impl.db.schema.CustomValueTable.DATE_VALUE;
import static io.crmkit.impl.db.schema.CustomValueTable.FIELD_ID;
import static io.crmkit.impl.db.schema.CustomValueTable.NUMBER_VALUE;
import static io.crmkit.impl.db.schema.CustomValueTable.ORDINAL;
import static io.crmkit.impl.db.schema.CustomValueTable.TENANT_ID;
import static io.crmkit.impl.db.schema.CustomValueTable.TEXT_VALUE;
import static io.crmkit.impl.db.schema.CustomValueTable.TIME_VALUE;

import io.crmkit.impl.db.schema.CustomValueTable;
import io.crmkit.impl.db.schema.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A row of the custom value table: one value of one custom field of one customer, in its type's column. */
public final class CustomValueRow {
    public String tenantId;
    public long customerId;
    public long fieldId;
    public int ordinal;
    public String textValue;
    public BigDecimal numberValue;
    public Boolean boolValue;
    public LocalDate dateValue;
    public Instant timeValue;

    public CustomValueRow() {
    }

    CustomValueRow(long fieldId, int ordinal) {
        this.fieldId = fieldId;
        this.ordinal = ordinal;
    }

    /** @return this value as a row of the given customer */
    public Row toRow(String tenant, long customer) {
        return new Row(CustomValueTable.TABLE)
                .set(TENANT_ID, tenant)
                .set(CUSTOMER_ID, customer)
                .set(FIELD_ID, fieldId)
                .set(ORDINAL, ordinal)
                .set(TEXT_VALUE, textValue)
                .set(NUMBER_VALUE, numberValue)
                .set(BOOL_VALUE, boolValue)
                .set(DATE_VALUE, dateValue)
                .set(TIME_VALUE, timeValue);
    }

    /** @return the value a row holds */
    public static CustomValueRow of(Row row) {
        CustomValueRow value = new CustomValueRow(row.bigint(FIELD_ID), (Integer) row.get(ORDINAL));
        value.tenantId = row.text(TENANT_ID);
        value.customerId = row.bigint(CUSTOMER_ID);
        value.textValue = row.text(TEXT_VALUE);
        value.numberValue = (BigDecimal) row.get(NUMBER_VALUE);
        value.boolValue = (Boolean) row.get(BOOL_VALUE);
        value.dateValue = (LocalDate) row.get(DATE_VALUE);
        value.timeValue = (Instant) row.get(TIME_VALUE);
        return value;
    }
}
