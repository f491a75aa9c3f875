package io.crmkit.impl.db.schema;

import java.util.List;

/**
 * The {@code customer} table. A customer: the built-in fields are columns (DESIGN.md); identities, tags and custom values live in
 * child tables.
 */
public final class CustomerTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column ID = Column.required("id", Kind.BIGINT);
    public static final Column NAME = Column.required("name", Kind.TEXT);
    public static final Column NICKNAME = Column.required("nickname", Kind.TEXT);
    public static final Column GENDER = Column.required("gender", Kind.TEXT);
    public static final Column BIRTHDAY = Column.optional("birthday", Kind.DATE);
    public static final Column COMPANY = Column.required("company", Kind.TEXT);
    public static final Column COUNTRY = Column.required("country", Kind.TEXT);
    public static final Column PROVINCE = Column.required("province", Kind.TEXT);
    public static final Column CITY = Column.required("city", Kind.TEXT);
    public static final Column AREA = Column.required("area", Kind.TEXT);
    public static final Column ADDRESS_DETAIL = Column.required("address_detail", Kind.TEXT);
    public static final Column REMARK = Column.required("remark", Kind.TEXT);
    public static final Column AVATAR_URL = Column.required("avatar_url", Kind.TEXT);
    public static final Column SOURCE = Column.required("source", Kind.TEXT);
    public static final Column OWNER_ID = Column.optional("owner_id", Kind.TEXT);
    public static final Column STATUS = Column.required("status", Kind.TEXT);
    public static final Column STAGE = Column.required("stage", Kind.TEXT);
    public static final Column CREATED_AT = Column.required("created_at", Kind.TIMESTAMP);
    public static final Column CREATED_BY = Column.required("created_by", Kind.TEXT);
    public static final Column UPDATED_AT = Column.required("updated_at", Kind.TIMESTAMP);
    public static final Column UPDATED_BY = Column.required("updated_by", Kind.TEXT);
    public static final Column VERSION = Column.required("version", Kind.BIGINT);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("customer", TENANT_ID, ID, NAME, NICKNAME, GENDER, BIRTHDAY, COMPANY, COUNTRY, PROVINCE, CITY, AREA, ADDRESS_DETAIL, REMARK, AVATAR_URL, SOURCE, OWNER_ID, STATUS, STAGE, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, VERSION);

    /**
     * The columns an update of a customer's fields writes (a patch, a bulk edit, an import's update): all but the
     * key, the owner and status (which transitions change), the creation stamps and the version, which the update
     * counts up.
     */
    public static final List<Column> EDITED = TABLE.except(TENANT_ID, ID, OWNER_ID, STATUS, CREATED_AT, CREATED_BY,
            VERSION);

    /** The columns a trashed customer carries to the trash and back: every column. */
    public static final List<Column> TRASHED = TABLE.columns();

    /**
     * The columns a merge record keeps of the merged customer, to insert it again on undo, and may change on the
     * survivor: every column but the key.
     */
    public static final List<Column> MERGED = TABLE.except(TENANT_ID, ID);

    private CustomerTable() {
    }
}
