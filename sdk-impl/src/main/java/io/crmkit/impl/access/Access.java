package io.crmkit.impl.access;

import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.error.PermissionDeniedException;

/** The permission check every operation makes before it reads or writes anything. */
public final class Access {

    private Access() {
    }

    /**
     * @param operation what the actor asked for, as the end of "actor 'x' may not ...", e.g. "create a customer"
     * @throws PermissionDeniedException naming the missing permission
     */
    public static void require(Actor actor, Permission permission, String operation) {
        if (!actor.can(permission)) {
            throw new PermissionDeniedException(permission, actor.actorId(), operation);
        }
    }
}
