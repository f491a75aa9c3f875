package io.crmkit.api.customer;

import io.crmkit.api.error.ValidationException;


/**
 * A customer's account on a messaging or login channel.
 *
 * @param name    the channel: 1 to 24 characters of {@code a-z 0-9 _}, starting with a letter, such as
 *                {@code "web"}, {@code "whatsapp"}, {@code "wechat"}
 * @param account the account on that channel, 1 to 255 characters
 */
public record Channel(String name, String account) {

    /**
     * Checks that no component is null; the limits are checked when a customer is written.
     *
     * @param name    the channel, such as {@code "whatsapp"}; not null
     * @param account the account on that channel; not null
     * @throws ValidationException on field {@code name} or {@code account}, code {@code required}, for a null
     */
    public Channel {
        ValidationException.requireNonNull(name, "name");
        ValidationException.requireNonNull(account, "account");
    }

    /**
     * @param name    the channel: 1 to 24 characters of {@code a-z 0-9 _}, starting with a letter (checked on
     *                write, on field {@code channels[index].name}); not null
     * @param account the account on that channel, 1 to {@link CustomerLimits#ACCOUNT_LENGTH_MAX} characters
     *                (checked on write); a blank account is ignored when a customer is written; not null
     * @return the channel account {@code account} on {@code name}
     * @throws ValidationException on field {@code name} or {@code account}, code {@code required}, for a null
     */
    public static Channel of(String name, String account) {
        return new Channel(name, account);
    }
}
