package io.crmkit.api.error;

import io.crmkit.api.Permission;

/** The actor lacks the permission the operation needs. Nothing was read or written. */
public class PermissionDeniedException extends CrmException {

    /** The permission the actor lacks. */
    private final Permission missing;

    /**
     * @param missing   the permission the operation needs
     * @param actorId   who asked
     * @param operation what was asked, such as {@code "create a customer"}
     */
    public PermissionDeniedException(Permission missing, String actorId, String operation) {
        super("permission_denied",
                "actor '" + actorId + "' may not " + operation + ": missing permission " + missing);
        this.missing = missing;
    }

    /** @return the permission the actor would need */
    public Permission missing() {
        return missing;
    }
}
