package io.crmkit.impl.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks an email address and returns it trimmed and lower-cased. */
public final class EmailNormalizer {

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})");
    private static final int LOCAL_MAX = 64;

    private EmailNormalizer() {
    }

    /**
     * @param raw the address as typed
     * @return the address trimmed and lower-cased
     * @throws IllegalArgumentException with a reason quoting the input
     */
    public static String normalize(String raw) {
        String email = raw.trim();
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            throw new IllegalArgumentException("'" + raw + "' is not an email address (expected name@domain)");
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.length() > LOCAL_MAX || !LOCAL.matcher(local).matches()) {
            throw new IllegalArgumentException("'" + raw + "' is not an email address: invalid part before '@'");
        }
        if (!DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("'" + raw + "' is not an email address: invalid domain '" + domain + "'");
        }
        return email.toLowerCase(Locale.ROOT);
    }

    /** @return the normalized address, or the trimmed lower-cased text when it is not valid (for look-ups) */
    public static String forLookup(String raw) {
        return raw.trim().toLowerCase(Locale.ROOT);
    }
}
