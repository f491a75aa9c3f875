package io.crmkit.impl.customer;

import io.crmkit.impl.db.schema.IdentityTable;
import io.crmkit.impl.db.schema.Row;
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

    /** @return the value as the duplicate rules compare it, for the {@code match_key} column */
    String matchKey() {
        return MatchKeys.of(idType, idValue);
    }

    /** @return this identity as a row of the given customer, created at {@code at} */
    Row toRow(String tenant, long customer, Instant at) {
        return new Row(IdentityTable.TABLE)
                .set(IdentityTable.TENANT_ID, tenant)
                .set(IdentityTable.ID_TYPE, idType)
                .set(IdentityTable.ID_VALUE, idValue)
                .set(IdentityTable.MATCH_KEY, matchKey())
                .set(IdentityTable.CUSTOMER_ID, customer)
                .set(IdentityTable.ORDINAL, ordinal)
                .set(IdentityTable.VERIFIED, verified)
                .set(IdentityTable.CREATED_AT, at);
    }

    /** @return the identity a row holds */
    static IdentityRow of(Row row) {
        IdentityRow identity = new IdentityRow(row.text(IdentityTable.ID_TYPE), row.text(IdentityTable.ID_VALUE),
                (Integer) row.get(IdentityTable.ORDINAL), (Boolean) row.get(IdentityTable.VERIFIED));
        identity.tenantId = row.text(IdentityTable.TENANT_ID);
        identity.customerId = row.bigint(IdentityTable.CUSTOMER_ID);
        identity.createdAt = (Instant) row.get(IdentityTable.CREATED_AT);
        return identity;
    }
}
