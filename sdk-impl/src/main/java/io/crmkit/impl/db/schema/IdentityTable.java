package io.crmkit.impl.db.schema;

/**
 * The {@code identity} table. A phone, email or other identity of a customer; (tenant_id, id_type, id_value) is unique.
 */
public final class IdentityTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column ID_TYPE = Column.required("id_type", Kind.TEXT);
    public static final Column ID_VALUE = Column.required("id_value", Kind.TEXT);
    public static final Column MATCH_KEY = Column.optional("match_key", Kind.TEXT);
    public static final Column CUSTOMER_ID = Column.required("customer_id", Kind.BIGINT);
    public static final Column ORDINAL = Column.required("ordinal", Kind.INTEGER);
    public static final Column VERIFIED = Column.required("verified", Kind.BOOLEAN);
    public static final Column CREATED_AT = Column.required("created_at", Kind.TIMESTAMP);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("identity", TENANT_ID, ID_TYPE, ID_VALUE, MATCH_KEY, CUSTOMER_ID, ORDINAL, VERIFIED, CREATED_AT);

    private IdentityTable() {
    }
}
