package io.crmkit.api;

import io.crmkit.api.error.ValidationException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is acting, for which tenant, with which permissions. Every operation of a {@link Crm} is scoped to
 * the actor's tenant, checked against its permissions and recorded in the audit log under its id.
 *
 * <p>Immutable and cheap; build one per request.
 *
 * @param tenantId    1 to 64 characters of {@code A-Z a-z 0-9 . _ : -}
 * @param actorId     1 to 64 characters, no control characters; who is written in the audit log
 * @param permissions what the actor may do; may be empty (the actor can then do nothing)
 */
public record Actor(String tenantId, String actorId, Set<Permission> permissions) {

    /** The longest tenant or actor id accepted. */
    public static final int MAX_ID_LENGTH = 64;

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_ID_LENGTH + "}");

    /**
     * Validates the ids and copies the permissions.
     *
     * @param tenantId    1 to 64 characters of {@code A-Z a-z 0-9 . _ : -}; not null
     * @param actorId     1 to 64 characters, not blank, no control characters; not null
     * @param permissions what the actor may do; may be empty, but neither null nor holding a null
     * @throws ValidationException on field {@code tenantId} or {@code actorId}, code {@code invalid}, naming the rule
     */
    public Actor {
        ValidationException.requireNonNull(tenantId, "tenantId");
        ValidationException.requireNonNull(actorId, "actorId");
        ValidationException.requireNonNull(permissions, "permissions");
        if (!TENANT.matcher(tenantId).matches()) {
            throw ValidationException.of("tenantId", "invalid", "tenantId '" + tenantId
                    + "': must be 1 to " + MAX_ID_LENGTH + " characters of A-Z a-z 0-9 . _ : -");
        }
        if (actorId.isBlank() || actorId.length() > MAX_ID_LENGTH || actorId.chars().anyMatch(Character::isISOControl)) {
            throw ValidationException.of("actorId", "invalid", "actorId '" + actorId
                    + "': must be 1 to " + MAX_ID_LENGTH + " characters, not blank, without control characters");
        }
        permissions = permissions.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(ValidationException.requireNoNulls(permissions,
                        "permissions")));
    }

    /**
     * @param tenantId    1 to 64 characters of {@code A-Z a-z 0-9 . _ : -}
     * @param actorId     1 to 64 characters, not blank, no control characters
     * @param permissions what the actor may do, such as {@link Permission#ALL}; may be empty, duplicates are ignored
     * @return an actor with the given permissions
     * @throws ValidationException on field {@code tenantId}, {@code actorId} or {@code permissions} (a null
     *                             collection, or {@code permissions[index]} for a null element)
     */
    public static Actor of(String tenantId, String actorId, Collection<Permission> permissions) {
        return new Actor(tenantId, actorId,
                Set.copyOf(ValidationException.requireNoNulls(permissions, "permissions")));
    }

    /**
     * @param tenantId    1 to 64 characters of {@code A-Z a-z 0-9 . _ : -}
     * @param actorId     1 to 64 characters, not blank, no control characters
     * @param permissions what the actor may do; none gives an actor that can do nothing
     * @return an actor with the listed permissions
     * @throws ValidationException on field {@code tenantId}, {@code actorId} or {@code permissions} (a null array,
     *                             or {@code permissions[index]} for a null permission)
     */
    public static Actor of(String tenantId, String actorId, Permission... permissions) {
        return of(tenantId, actorId, Arrays.asList(ValidationException.requireNonNull(permissions, "permissions")));
    }

    /**
     * @param permission the permission to check; not null
     * @return whether the actor holds the permission
     * @throws ValidationException on field {@code permission}, code {@code required}, when it is null
     */
    public boolean can(Permission permission) {
        ValidationException.requireNonNull(permission, "permission");
        return permissions.contains(permission);
    }
}
