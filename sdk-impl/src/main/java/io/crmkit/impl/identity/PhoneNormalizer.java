package io.crmkit.impl.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Turns a phone number typed in any common notation ("+84 912 345 678", "0912-345-678" with region VN,
 * "(0912) 345678") into E.164 ("+84912345678"), or says why it cannot.
 */
public final class PhoneNormalizer {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    /** @param defaultRegion ISO 3166 region for numbers typed without country code, or null for none */
    public PhoneNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** @return whether the region is one libphonenumber knows, such as "VN" or "US" */
    public static boolean isKnownRegion(String region) {
        return UTIL.getSupportedRegions().contains(region);
    }

    /**
     * @param raw the number as typed, already trimmed and non-empty
     * @return the number in E.164
     * @throws IllegalArgumentException with a reason that quotes the input
     */
    public String normalize(String raw) {
        String text = raw;
        if (!text.startsWith("+") && defaultRegion == null) {
            if (!text.startsWith("00")) {
                throw new IllegalArgumentException("'" + raw + "' has no country code (such as +84) and the kit has "
                        + "no default phone region");
            }
            // Without a region to say which international prefix applies, read the common 00 as +.
            text = "+" + text.substring(2);
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(text, text.startsWith("+") ? "ZZ" : defaultRegion);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a phone number");
        }
        if (!UTIL.isValidNumber(number)) {
            String numberRegion = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
            throw new IllegalArgumentException("'" + raw + "' is not a valid phone number"
                    + ("ZZ".equals(numberRegion) ? "" : " in region " + numberRegion));
        }
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /**
     * Reads the start of a number typed in national notation: with default region VN, the digits "0912" begin
     * "+84912".
     *
     * @param digits the digits typed, nothing else
     * @return the start of the number in E.164, or empty when the kit has no default region, the region has no
     *         national prefix, or the digits do not begin with it
     */
    public Optional<String> nationalStart(String digits) {
        if (defaultRegion == null) {
            return Optional.empty();
        }
        String prefix = UTIL.getNddPrefixForRegion(defaultRegion, true);
        if (prefix == null || prefix.isEmpty() || !digits.startsWith(prefix)) {
            return Optional.empty();
        }
        return Optional.of("+" + UTIL.getCountryCodeForRegion(defaultRegion) + digits.substring(prefix.length()));
    }

    /** @return the E.164 form, or empty when the text is not a valid number (for look-ups) */
    public Optional<String> tryNormalize(String raw) {
        try {
            return Optional.of(normalize(raw.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
