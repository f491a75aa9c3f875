package io.crmkit.impl.customer;

import java.util.regex.Pattern;

/**
 * The rule for a channel's name ({@code web}, {@code whatsapp}, {@code wechat}): 1 to 24 characters of
 * {@code a-z 0-9 _}, starting with a letter. One rule for the customer service and the import. Thread-safe.
 */
public final class ChannelNames {

    /** The rule in words, for messages. */
    public static final String RULE = "1 to 24 characters of a-z, 0-9 and _, starting with a letter (such as web,"
            + " whatsapp, wechat)";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,23}");

    private ChannelNames() {
    }

    /** @return whether the name follows the rule; false for null */
    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
