package io.crmkit.impl.customer;

import io.crmkit.api.customer.Identity;
import io.crmkit.api.customer.IdentityType;
import java.util.Locale;

/** How an identity's type is written in the {@code id_type} column: phone, email, ..., channel:whatsapp. */
final class IdentityKinds {

    private static final String CHANNEL_PREFIX = "channel:";

    private IdentityKinds() {
    }

    static String column(IdentityType type, String channel) {
        return type == IdentityType.CHANNEL ? CHANNEL_PREFIX + channel : type.name().toLowerCase(Locale.ROOT);
    }

    static Identity toIdentity(IdentityRow row) {
        if (row.idType.startsWith(CHANNEL_PREFIX)) {
            return new Identity(IdentityType.CHANNEL, row.idType.substring(CHANNEL_PREFIX.length()), row.idValue,
                    row.verified);
        }
        return new Identity(IdentityType.valueOf(row.idType.toUpperCase(Locale.ROOT)), "", row.idValue, row.verified);
    }

    /** External ids come from the host's own system, which already knows the customer. */
    static boolean verifiedOnCreate(IdentityType type) {
        return type == IdentityType.EXTERNAL_ID;
    }
}
