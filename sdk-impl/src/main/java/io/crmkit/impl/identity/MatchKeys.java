package io.crmkit.impl.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The match key of an identity: its value as the duplicate rules compare it, stored beside the value in the
 * identity table's {@code match_key} column and indexed with the tenant and type. Two customers never share a
 * stored value, but they may share a key:
 *
 * <ul>
 *   <li>email: lower-cased and trimmed; {@code googlemail.com} is {@code gmail.com}; at gmail.com the dots and a
 *   {@code +tag} of the part before '@' are dropped; at providers that deliver {@code name+tag} to {@code name}
 *   (outlook.com, hotmail.com, live.com, icloud.com, me.com, mac.com, fastmail.com, protonmail.com, proton.me,
 *   pm.me) the {@code +tag} is dropped. Yahoo is left alone: its disposable addresses {@code base-keyword} use a
 *   base name chosen apart from the account name, so dropping the suffix would join unrelated people. A part
 *   that would become empty ({@code +shop@gmail.com}) is kept as it is.</li>
 *   <li>phone (stored in E.164): the national significant number, so that one number typed with two country
 *   codes ({@code +84912345678}, {@code +1912345678}) shares the key {@code 912345678}; a value that is not
 *   E.164 is its own key.</li>
 *   <li>external id: lower-cased and trimmed.</li>
 *   <li>any other type: the value.</li>
 * </ul>
 *
 * Changing a rule here changes stored keys: it needs a migration that recomputes them. Thread-safe.
 */
public final class MatchKeys {

    /** The {@code id_type} of emails. */
    public static final String EMAIL = "email";
    /** The {@code id_type} of phones. */
    public static final String PHONE = "phone";
    /** The {@code id_type} of external ids. */
    public static final String EXTERNAL_ID = "external_id";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String GMAIL = "gmail.com";
    private static final Map<String, String> DOMAIN_ALIASES = Map.of("googlemail.com", GMAIL);
    private static final Set<String> PLUS_TAG_DOMAINS = Set.of("outlook.com", "hotmail.com", "live.com",
            "icloud.com", "me.com", "mac.com", "fastmail.com", "protonmail.com", "proton.me", "pm.me", GMAIL);

    private MatchKeys() {
    }

    /**
     * @param idType  the identity's {@code id_type}: phone, email, external_id, wechat_openid, channel:name
     * @param idValue its stored value, not null
     * @return the key, never longer than twice the value
     */
    public static String of(String idType, String idValue) {
        return switch (idType) {
            case EMAIL -> email(idValue);
            case PHONE -> phone(idValue);
            case EXTERNAL_ID -> idValue.trim().toLowerCase(Locale.ROOT);
            default -> idValue;
        };
    }

    /** @return the key of an email address; text without a name and a domain is only trimmed and lower-cased */
    public static String email(String value) {
        String email = value.trim().toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return email;
        }
        String domain = email.substring(at + 1);
        domain = DOMAIN_ALIASES.getOrDefault(domain, domain);
        String local = email.substring(0, at);
        if (PLUS_TAG_DOMAINS.contains(domain)) {
            int plus = local.indexOf('+');
            String base = plus < 0 ? local : local.substring(0, plus);
            if (domain.equals(GMAIL)) {
                base = base.replace(".", "");
            }
            if (!base.isEmpty()) {
                local = base;
            }
        }
        return local + "@" + domain;
    }

    /** @return the national significant number of an E.164 phone, or the value itself when it is not E.164 */
    public static String phone(String value) {
        if (!value.startsWith("+")) {
            return value;
        }
        try {
            return PHONES.getNationalSignificantNumber(PHONES.parse(value, "ZZ"));
        } catch (NumberParseException e) {
            return value;
        }
    }
}
