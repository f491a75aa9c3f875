package io.crmkit.impl.field;

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
}
