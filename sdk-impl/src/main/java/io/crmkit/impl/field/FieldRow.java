package io.crmkit.impl.field;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of the field table, as MyBatis reads and writes it. */
public final class FieldRow {
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
}
