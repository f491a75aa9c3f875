package io.crmkit.impl.db.schema;

/**
 * The {@code field} table. A custom field definition; options is a JSON array of strings.
 */
public final class FieldTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column ID = Column.required("id", Kind.BIGINT);
    public static final Column FIELD_KEY = Column.required("field_key", Kind.TEXT);
    public static final Column LABEL = Column.required("label", Kind.TEXT);
    public static final Column FIELD_TYPE = Column.required("field_type", Kind.TEXT);
    public static final Column REQUIRED = Column.required("required", Kind.BOOLEAN);
    public static final Column MAX_LENGTH = Column.optional("max_length", Kind.INTEGER);
    public static final Column MIN_VALUE = Column.optional("min_value", Kind.DECIMAL);
    public static final Column MAX_VALUE = Column.optional("max_value", Kind.DECIMAL);
    public static final Column OPTIONS = Column.required("options", Kind.TEXT);
    public static final Column RETIRED = Column.required("retired", Kind.BOOLEAN);
    public static final Column VERSION = Column.required("version", Kind.BIGINT);
    public static final Column CREATED_AT = Column.required("created_at", Kind.TIMESTAMP);
    public static final Column UPDATED_AT = Column.required("updated_at", Kind.TIMESTAMP);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("field", TENANT_ID, ID, FIELD_KEY, LABEL, FIELD_TYPE, REQUIRED, MAX_LENGTH, MIN_VALUE, MAX_VALUE, OPTIONS, RETIRED, VERSION, CREATED_AT, UPDATED_AT);

    private FieldTable() {
    }
}
