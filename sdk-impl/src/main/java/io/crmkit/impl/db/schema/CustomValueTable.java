package io.crmkit.impl.db.schema;

/**
 * The {@code custom_value} table. A custom field value of a customer, in the column of its type (one row per option of a multiple choice).
 */
public final class CustomValueTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column CUSTOMER_ID = Column.required("customer_id", Kind.BIGINT);
    public static final Column FIELD_ID = Column.required("field_id", Kind.BIGINT);
    public static final Column ORDINAL = Column.required("ordinal", Kind.INTEGER);
    public static final Column TEXT_VALUE = Column.optional("text_value", Kind.TEXT);
    public static final Column NUMBER_VALUE = Column.optional("number_value", Kind.DECIMAL);
    public static final Column BOOL_VALUE = Column.optional("bool_value", Kind.BOOLEAN);
    public static final Column DATE_VALUE = Column.optional("date_value", Kind.DATE);
    public static final Column TIME_VALUE = Column.optional("time_value", Kind.TIMESTAMP);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("custom_value", TENANT_ID, CUSTOMER_ID, FIELD_ID, ORDINAL, TEXT_VALUE, NUMBER_VALUE, BOOL_VALUE, DATE_VALUE, TIME_VALUE);

    private CustomValueTable() {
    }
}
