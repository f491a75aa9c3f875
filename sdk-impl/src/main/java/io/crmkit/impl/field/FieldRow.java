package io.crmkit.impl.field;

import static io.crmkit.impl.db.schema.FieldTable.CREATED_AT;
import static io.crmkit.impl.db.schema.FieldTable.FIELD_KEY;
import static io.crmkit.impl.db.schema.FieldTable.FIELD_TYPE;
import static io.crmkit.impl.db.schema.FieldTable.ID;
import static io.crmkit.impl.db.schema.FieldTable.LABEL;
import static io.crmkit.impl.db.schema.FieldTable.MAX_LENGTH;
import static io.crmkit.impl.db.schema.FieldTable.MAX_VALUE;
import static io.crmkit.impl.db.schema.FieldTable.MIN_VALUE;
import static io.crmkit.impl.db.schema.FieldTable.OPTIONS;
import static io.crmkit.impl.db.schema.FieldTable.REQUIRED;
import static io.crmkit.impl.db.schema.FieldTable.RETIRED;
import static io.crmkit.impl.db.schema.FieldTable.TENANT_ID;
import static io.crmkit.impl.db.schema.FieldTable.UPDATED_AT;
import static io.crmkit.impl.db.schema.FieldTable.VERSION;

import io.crmkit.impl.db.schema.FieldTable;
import io.crmkit.impl.db.schema.Row;
import java.math.BigDecimal;
import java.time.Instant;

/** A row of the field table ({@link FieldTable}). */
final class FieldRow {
    String tenantId;
    long id;
    String fieldKey;
    String label;
    String fieldType;
    boolean required;
    Integer maxLength;
    BigDecimal minValue;
    BigDecimal maxValue;
    String options;
    boolean retired;
    long version;
    Instant createdAt;
    Instant updatedAt;

    Row toRow() {
        return new Row(FieldTable.TABLE)
                .set(TENANT_ID, tenantId)
                .set(ID, id)
                .set(FIELD_KEY, fieldKey)
                .set(LABEL, label)
                .set(FIELD_TYPE, fieldType)
                .set(REQUIRED, required)
                .set(MAX_LENGTH, maxLength)
                .set(MIN_VALUE, minValue)
                .set(MAX_VALUE, maxValue)
                .set(OPTIONS, options)
                .set(RETIRED, retired)
                .set(VERSION, version)
                .set(CREATED_AT, createdAt)
                .set(UPDATED_AT, updatedAt);
    }

    static FieldRow of(Row row) {
        FieldRow field = new FieldRow();
        field.tenantId = row.text(TENANT_ID);
        field.id = row.bigint(ID);
        field.fieldKey = row.text(FIELD_KEY);
        field.label = row.text(LABEL);
        field.fieldType = row.text(FIELD_TYPE);
        field.required = (Boolean) row.get(REQUIRED);
        field.maxLength = (Integer) row.get(MAX_LENGTH);
        field.minValue = (BigDecimal) row.get(MIN_VALUE);
        field.maxValue = (BigDecimal) row.get(MAX_VALUE);
        field.options = row.text(OPTIONS);
        field.retired = (Boolean) row.get(RETIRED);
        field.version = row.bigint(VERSION);
        field.createdAt = (Instant) row.get(CREATED_AT);
        field.updatedAt = (Instant) row.get(UPDATED_AT);
        return field;
    }
}
