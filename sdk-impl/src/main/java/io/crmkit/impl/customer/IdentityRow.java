package io.crmkit.impl.customer;

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
}
