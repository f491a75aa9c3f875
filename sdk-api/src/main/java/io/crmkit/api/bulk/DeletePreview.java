package io.crmkit.api.bulk;

import java.time.Instant;

/**
 * The first step of a bulk delete: how many customers it would delete, and the token the confirming call
 * must carry.
 *
 * @param count     customers the selection matches now; for a selection by query, the customers the token
 *                  confirms (a delete refuses the token once the query matches others)
 * @param token     the confirmation token, valid for this actor until {@code expiresAt}
 * @param expiresAt when the token stops being accepted
 * @param statement the deletion statement the actor must read and agree to
 */
public record DeletePreview(long count, String token, Instant expiresAt, String statement) {

    /** The statement shown before a bulk delete. */
    public static final String STATEMENT = "The selected customers will be deleted together with their identities,"
            + " tags, custom field values and group memberships. They stay in the trash for the retention period,"
            + " during which they can be restored, and are then erased for good.";
}
