package io.crmkit.impl.customer;

import io.crmkit.api.customer.CustomerLimits;
import io.crmkit.impl.validation.Errors;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks a customer's avatar URL. Hosts show it as an image in the browser of every agent, so only an absolute
 * {@code https} URL with a host is taken: no {@code http} (mixed content), no {@code data:} or
 * {@code javascript:}, no credentials before the host, no spaces or control characters, at most
 * {@value CustomerLimits#AVATAR_URL_MAX} characters. The URL is stored as typed (trimmed); nothing fetches it.
 */
final class AvatarUrls {

    private AvatarUrls() {
    }

    /** @return the trimmed URL, or "" for none; problems go to {@code errors} on {@code field} */
    static String check(String field, String value, Errors errors) {
        String url = errors.text(field, value, CustomerLimits.AVATAR_URL_MAX);
        if (url.isEmpty() || errors.hasErrorAt(field)) {
            return url;
        }
        String problem = problem(url);
        if (problem != null) {
            errors.add(field, "invalid", problem);
        }
        return url;
    }

    private static String problem(String url) {
        for (int i = 0; i < url.length(); i++) {
            if (Character.isWhitespace(url.charAt(i))) {
                return "an avatar URL may not contain spaces; encode them as %20";
            }
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a URL (" + e.getReason() + " at index " + e.getIndex() + ")";
        }
        String scheme = uri.getScheme();
        if (scheme == null || !scheme.toLowerCase(Locale.ROOT).equals("https")) {
            return "an avatar URL must start with https://";
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null || uri.getHost().isEmpty()) {
            return "an avatar URL needs a host name after https://";
        }
        if (uri.getRawUserInfo() != null) {
            return "an avatar URL may not carry a user name or password";
        }
        return null;
    }
}
