package io.crmkit.impl.io;

import io.crmkit.api.customer.Channel;
import io.crmkit.api.customer.CustomerLimits;
import io.crmkit.impl.customer.ChannelNames;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How one import cell holds several values, as people type them and as an export writes them (joined by
 * {@code "; "}). Pure functions of the cell's text, which the caller has already stripped of the export's
 * formula guard. Thread-safe.
 *
 * <ul>
 *   <li>Phones, emails, channel accounts and the choices of a multiple-choice field: separated by {@code ;} or
 *       line breaks (CR, LF, CRLF); a comma may belong to the value.</li>
 *   <li>Tags: separated by {@code ,}, {@code ;}, the fullwidth comma {@code U+FF0C}, the ideographic comma
 *       {@code U+3001} or line breaks: {@code "vip, new"} is the two tags {@code vip} and {@code new}.</li>
 *   <li>A channels cell holds items of {@code name:account}, each split at its first colon, as an export writes
 *       them: {@code whatsapp:+84912345678; web:abc}.</li>
 * </ul>
 * Every piece is trimmed; empty pieces are dropped.
 */
final class CellValues {

    private static final Pattern ITEMS = Pattern.compile("[;\\r\\n]+");
    private static final Pattern TAGS = Pattern.compile("[\\r\\n" + CustomerLimits.TAG_SEPARATORS + "]+");

    private CellValues() {
    }

    /** @return the trimmed, non-empty values of a phones, emails, channels or multiple-choice cell, in order */
    static List<String> items(String text) {
        return pieces(ITEMS, text).toList();
    }

    /** @return the trimmed, non-empty, distinct tags of a tags cell, in order of first appearance */
    static List<String> tags(String text) {
        return pieces(TAGS, text).distinct().toList();
    }

    private static Stream<String> pieces(Pattern separator, String text) {
        return Arrays.stream(separator.split(text)).map(String::strip).filter(piece -> !piece.isEmpty());
    }

    /**
     * One item of a channels cell read as a channel account.
     *
     * @param channel the channel account, or null when the item is malformed
     * @param problem why the item is no channel account ("" when it is one), for a message that names the item
     */
    record ChannelItem(Channel channel, String problem) {
    }

    /**
     * @param item one trimmed, non-empty item of {@link #items}
     * @return the channel account {@code name:account} it names (both parts trimmed), or the problem: no colon, a
     *         name that breaks {@link ChannelNames#RULE}, or an empty account. The account's own limits are
     *         checked with the customer
     */
    static ChannelItem channel(String item) {
        int colon = item.indexOf(':');
        if (colon < 0) {
            return problem("expected channel:account, such as whatsapp:+84912345678");
        }
        String name = item.substring(0, colon).strip();
        String account = item.substring(colon + 1).strip();
        if (name.isEmpty()) {
            return problem("the channel before ':' is empty; expected channel:account, such as"
                    + " whatsapp:+84912345678");
        }
        if (!ChannelNames.isValid(name)) {
            return problem("'" + name + "' is not a channel name: a channel is " + ChannelNames.RULE);
        }
        if (account.isEmpty()) {
            return problem("the account after '" + name + ":' is empty");
        }
        return new ChannelItem(Channel.of(name, account), "");
    }

    private static ChannelItem problem(String problem) {
        return new ChannelItem(null, problem);
    }
}
