package io.crmkit.api.merge;

import java.util.List;
import java.util.Objects;

/**
 * Why two customers cannot be merged as they are: an identity type that holds one value per customer (an
 * external id, a WeChat openid, the account of one channel) has a different value on each, or the united
 * identities or tags would exceed a customer's limit.
 *
 * @param field  the field: {@code externalId}, {@code wechatOpenId}, {@code channel:<name>}, {@code phones},
 *               {@code emails}, {@code channels} or {@code tags}
 * @param values the values in conflict: the survivor's and the merged customer's for a single-value type;
 *               every united value for an exceeded limit
 * @param reason what is wrong, naming the limit where there is one
 */
public record IdentityConflict(String field, List<String> values, String reason) {

    /**
     * Checks for nulls and copies the values.
     *
     * @param field  the field in conflict, such as {@code externalId} or {@code channel:<name>}; not null
     * @param values the values in conflict; neither the list nor a value may be null
     * @param reason what is wrong, naming the limit where there is one; not null
     * @throws NullPointerException when a component or a value is null
     */
    public IdentityConflict {
        Objects.requireNonNull(field, "field");
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        Objects.requireNonNull(reason, "reason");
    }
}
