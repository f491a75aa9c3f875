package io.crmkit.api.customer;

import io.crmkit.api.error.ValidationException;


/**
 * One identity of a customer, as stored.
 *
 * @param type     the kind of identity
 * @param channel  the channel name for {@link IdentityType#CHANNEL} (such as {@code "whatsapp"}), otherwise ""
 * @param value    the normalized value: E.164 for phones, lower case for emails, as given (trimmed) otherwise
 * @param verified whether the customer's ownership of this identity was confirmed; phones, emails and
 *                 channel accounts start unverified, external ids (set by the host system) verified
 */
public record Identity(IdentityType type, String channel, String value, boolean verified) {

    /**
     * Checks that no component is null.
     *
     * @param type     the kind of identity; not null
     * @param channel  the channel name for {@link IdentityType#CHANNEL}, otherwise ""; not null
     * @param value    the normalized value; not null
     * @param verified whether the customer's ownership of this identity was confirmed
     * @throws ValidationException on field {@code type}, {@code channel} or {@code value}, code {@code required},
     *                             for a null
     */
    public Identity {
        ValidationException.requireNonNull(type, "type");
        ValidationException.requireNonNull(channel, "channel");
        ValidationException.requireNonNull(value, "value");
    }
}
