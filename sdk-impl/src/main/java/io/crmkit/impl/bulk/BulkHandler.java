package io.crmkit.impl.bulk;

import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkOperation;
import java.util.Set;

/**
 * What one kind of bulk operation does: checks its values and applies it to chunks. One per permitted class of
 * {@link BulkOperation}, registered in {@link BulkHandlers}.
 *
 * @param <O> the operation's class
 */
interface BulkHandler<O extends BulkOperation> {

    /** @return the permission the operation needs; more may be checked by {@link #prepare} */
    default Permission permission() {
        return Permission.BULK_EDIT;
    }

    /**
     * @return every permission the operation needs, {@link #permission()} and those {@link #prepare} checks: what a
     *         scheduled run of a submitted operation acts with (its submission checked them)
     */
    default Set<Permission> permissions() {
        return Set.of(permission());
    }

    /**
     * @return the operation, checked and cleaned, ready to run
     * @throws io.crmkit.api.error.ValidationException       when its values are invalid
     * @throws io.crmkit.api.error.PermissionDeniedException when it needs a further permission the actor lacks
     */
    ChunkWork prepare(Actor actor, O operation);
}
