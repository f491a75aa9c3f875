package io.crmkit.impl.customer;

import io.crmkit.impl.identity.MatchKeys;
import java.time.Instant;

/** A row of the identity table. {@code idType} is phone, email, external_id, wechat_openid or channel:name. */
final class IdentityRow {
    String tenantId;
    String idType;
    String idValue;
    long customerId;
    int ordinal;
    boolean verified;
    Instant createdAt;

    IdentityRow() {
    }

    IdentityRow(String idType, String idValue, int ordinal, boolean verified) {
        this.idType = idType;
        this.idValue = idValue;
        this.ordinal = ordinal;
        this.verified = verified;
    }

    /** @return the value as the duplicate rules compare it, for the {@code match_key} column (MyBatis reads it) */
    public String getMatchKey() {
        return MatchKeys.of(idType, idValue);
    }
}
