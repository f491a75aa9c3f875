package io.crmkit.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** What an {@link Actor} may do. Every operation of the SDK names the one permission it needs. */
public enum Permission {
    /** Read customers, their fields and custom field definitions. */
    READ,
    /** Create and update single customers: attributes, identities, tags, status and stage. */
    WRITE,
    /** Delete single customers (to the trash), restore them from it, and purge it after the retention. */
    DELETE,
    /** Modify many customers in one operation. */
    BULK_EDIT,
    /** Delete many customers in one operation, and erase customers in the trash for good. */
    BULK_DELETE,
    /** Import customers from files. */
    IMPORT,
    /** Export customers to files. */
    EXPORT,
    /** Merge duplicate customers. */
    MERGE,
    /** Define, change and retire custom fields. */
    FIELD_ADMIN;

    /** Every permission: for administrators, tools and tests. Unmodifiable. */
    public static final Set<Permission> ALL = Collections.unmodifiableSet(EnumSet.allOf(Permission.class));
}
