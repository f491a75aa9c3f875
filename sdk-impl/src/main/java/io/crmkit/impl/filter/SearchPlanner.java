package io.crmkit.impl.filter;

import io.crmkit.impl.identity.PhoneNormalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides how a keyword is searched for, before any SQL is written: a keyword that is a phone number in any
 * notation finds the customer holding that number, through the identity key; any other keyword is looked for in
 * {@link #TEXT_COLUMNS} and the identities of {@link #TEXT_IDENTITIES} (ignoring case) and, when it is
 * {@value #MIN_PHONE_DIGITS} or more digits with the usual separators, in phones. A keyword of fewer than
 * {@value #WORD_START_BELOW} characters that starts with a letter or digit (but of a script written without spaces,
 * such as Chinese, Japanese or Thai) is looked for at the start of a word only
 * (as a search box that finds "Kim" for "k" but not "Mike"): anywhere, it would match most customers and, matching
 * none, read all of them, since no trigram index holds a substring that short. Thread-safe.
 */
final class SearchPlanner {

    /** Customer columns a text keyword is looked for in: the names, the company and every part of the address. */
    static final List<String> TEXT_COLUMNS = List.of("name", "nickname", "company", "country", "province", "city",
            "area", "address_detail");
    /** Identity types a text keyword is looked for in. */
    static final List<String> TEXT_IDENTITIES = List.of("email", "external_id");
    /** Fewest digits of a keyword looked for in phones. */
    static final int MIN_PHONE_DIGITS = 3;

    /** Keywords shorter than this many characters, starting with a letter or digit, match the start of a word. */
    static final int WORD_START_BELOW = 3;

    /**
     * Scripts written without spaces between words (Chinese, Japanese, Thai, ...): a keyword starting with one of
     * their characters is looked for anywhere, as a word's start means nothing there ("明" finds "王小明").
     */
    private static final Set<Character.UnicodeScript> UNSPACED = EnumSet.of(Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.BOPOMOFO,
            Character.UnicodeScript.YI, Character.UnicodeScript.THAI, Character.UnicodeScript.LAO,
            Character.UnicodeScript.KHMER, Character.UnicodeScript.MYANMAR, Character.UnicodeScript.TIBETAN);

    /** Text that reads as a phone number: digits with the usual separators, at least 7 digits. */
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[\\d\\s().-]*(\\d[\\s().-]*){7,}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().+-]");

    /** How a keyword is searched for. */
    enum Shape {
        /** A phone number: the customer holding it, by the identity key. */
        PHONE_NUMBER,
        /** Words: part of a name, nickname, company, address, email or external id; digits also part of a phone. */
        TEXT,
        /**
         * One or two characters, the first a letter or digit of a script that spaces its words: the start of a word of a name, nickname, company,
         * address, email or external id, a word starting at the start of the text or after a space, an ASCII
         * punctuation mark or another ASCII control or symbol ({@link #wordStartPattern}).
         */
        WORD_START
    }

    /**
     * @param shape  how the keyword is searched for
     * @param value  the phone number in E.164 (PHONE_NUMBER), or the keyword stripped and lower-cased (TEXT,
     *               WORD_START)
     * @param digits for a TEXT keyword of {@value #MIN_PHONE_DIGITS} or more digits (and separators), the digits
     *               looked for in phones
     */
    record KeywordPlan(Shape shape, String value, Optional<String> digits) {
    }

    private final PhoneNormalizer phones;

    SearchPlanner(PhoneNormalizer phones) {
        this.phones = phones;
    }

    /** @return how the keyword is searched for */
    KeywordPlan plan(String keyword) {
        String text = keyword.strip();
        Optional<String> phone = PHONE_LIKE.matcher(text).matches() ? phones.tryNormalize(text) : Optional.empty();
        if (phone.isPresent()) {
            return new KeywordPlan(Shape.PHONE_NUMBER, phone.get(), Optional.empty());
        }
        String value = text.toLowerCase(Locale.ROOT);
        if (!value.isEmpty() && value.codePointCount(0, value.length()) < WORD_START_BELOW
                && Character.isLetterOrDigit(value.codePointAt(0)) && !UNSPACED.contains(
                        Character.UnicodeScript.of(value.codePointAt(0)))) {
            return new KeywordPlan(Shape.WORD_START, value, Optional.empty());
        }
        String digits = SEPARATORS.matcher(text).replaceAll("");
        boolean phoneDigits = digits.length() >= MIN_PHONE_DIGITS && digits.chars().allMatch(Character::isDigit);
        return new KeywordPlan(Shape.TEXT, value, phoneDigits ? Optional.of(digits) : Optional.empty());
    }

    /**
     * @param value a {@link Shape#WORD_START} keyword's value
     * @return the regular expression of the value at the start of a word, one that PostgreSQL's, MariaDB's (PCRE2)
     *         and H2's (Java) regular expressions read alike, and from which pg_trgm takes the trigrams of a word's
     *         start: the value after the start of the text or after any ASCII character that is not a letter or
     *         digit (U+0001-U+007F; U+001F included, the separator of the indexed text), every character of the
     *         value that is not a letter or digit escaped
     */
    static String wordStartPattern(String value) {
        StringBuilder pattern = new StringBuilder("(^|[\\x01-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7F])");
        value.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                pattern.append('\\');
            }
            pattern.appendCodePoint(c);
        });
        return pattern.toString();
    }
}
