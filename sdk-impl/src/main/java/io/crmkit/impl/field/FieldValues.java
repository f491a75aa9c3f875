package io.crmkit.impl.field;

import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.field.FieldType;
import io.crmkit.impl.identity.EmailNormalizer;
import io.crmkit.impl.identity.PhoneNormalizer;
import io.crmkit.impl.validation.Errors;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Converts a value written to a custom field into the Java type its {@link FieldType} stores, checking the
 * field's limits, and maps stored values to and from rows of the custom value table.
 */
public final class FieldValues {

    /** Default and largest max length of a TEXT field. */
    public static final int TEXT_DEFAULT_MAX = 255;
    public static final int TEXT_MAX = 500;
    public static final int URL_MAX = 500;
    public static final int EMAIL_MAX = 128;
    public static final int PHONE_MAX = 20;
    /** DECIMAL(38,10): 28 digits before the point, 10 after. */
    public static final int DECIMAL_SCALE = 10;
    public static final int DECIMAL_INTEGER_DIGITS = 28;

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final int LONG_DIGITS = 19;
    private static final LocalDate DATE_MIN = LocalDate.of(1, 1, 1);
    private static final LocalDate DATE_MAX = LocalDate.of(9999, 12, 31);

    private final PhoneNormalizer phones;

    public FieldValues(PhoneNormalizer phones) {
        this.phones = phones;
    }

    /**
     * @param path   where the value sits in the input, such as {@code custom.points}
     * @param raw    the value as given, not null
     * @return the value in the field's Java type, or null after recording the problem in {@code errors}
     */
    public Object convert(FieldDefinition field, Object raw, String path, Errors errors) {
        try {
            return switch (field.type()) {
                case TEXT -> text(field, raw, path, errors);
                case NUMBER -> {
                    long value = toLong(raw);
                    yield checkRange(field, BigDecimal.valueOf(value), path, errors) ? value : null;
                }
                case DECIMAL -> {
                    BigDecimal value = toDecimal(raw);
                    yield checkRange(field, value, path, errors) ? value : null;
                }
                case BOOLEAN -> toBoolean(raw);
                case DATE -> toDate(raw);
                case DATETIME -> toInstant(raw);
                case SINGLE_CHOICE -> choice(field, string(raw, "one of the options"));
                case MULTIPLE_CHOICE -> choices(field, raw);
                case EMAIL -> email(raw);
                case PHONE -> phone(raw);
                case URL -> url(raw);
            };
        } catch (WrongValue e) {
            if (e.limit == null) {
                errors.add(path, e.code, e.getMessage());
            } else {
                errors.add(path, e.code, e.getMessage(), e.limit);
            }
            return null;
        }
    }

    /** @return the rows storing a converted value (several for a multiple choice) */
    public static List<CustomValueRow> toRows(FieldDefinition field, Object value) {
        if (field.type() == FieldType.MULTIPLE_CHOICE) {
            List<CustomValueRow> rows = new ArrayList<>();
            int ordinal = 0;
            for (Object option : (List<?>) value) {
                CustomValueRow row = new CustomValueRow(field.id(), ordinal++);
                row.textValue = (String) option;
                rows.add(row);
            }
            return rows;
        }
        CustomValueRow row = new CustomValueRow(field.id(), 0);
        switch (field.type()) {
            case NUMBER -> row.numberValue = BigDecimal.valueOf((Long) value);
            case DECIMAL -> row.numberValue = (BigDecimal) value;
            case BOOLEAN -> row.boolValue = (Boolean) value;
            case DATE -> row.dateValue = (LocalDate) value;
            case DATETIME -> row.timeValue = (Instant) value;
            default -> row.textValue = (String) value;
        }
        return List.of(row);
    }

    /** @return the value stored in the rows of one field of one customer, in ordinal order */
    public static Object fromRows(FieldDefinition field, List<CustomValueRow> rows) {
        CustomValueRow first = rows.get(0);
        return switch (field.type()) {
            case MULTIPLE_CHOICE -> inOptionOrder(field, rows.stream().map(row -> row.textValue).toList());
            case NUMBER -> first.numberValue.longValueExact();
            case DECIMAL -> normalize(first.numberValue);
            case BOOLEAN -> first.boolValue;
            case DATE -> first.dateValue;
            case DATETIME -> first.timeValue;
            default -> first.textValue;
        };
    }

    /** Options as the field lists them now; options since removed keep their place at the end. */
    private static List<String> inOptionOrder(FieldDefinition field, List<String> chosen) {
        Comparator<String> byOption = Comparator.comparingInt(option -> {
            int index = field.options().indexOf(option);
            return index < 0 ? Integer.MAX_VALUE : index;
        });
        return chosen.stream().sorted(byOption).toList();
    }

    private static String text(FieldDefinition field, Object raw, String path, Errors errors) {
        String value = string(raw, "text");
        int max = field.maxLength().orElse(TEXT_DEFAULT_MAX);
        return errors.text(path, value, max);
    }

    private static boolean checkRange(FieldDefinition field, BigDecimal value, String path, Errors errors) {
        if (field.min().isPresent() && value.compareTo(field.min().get()) < 0) {
            errors.add(path, "out_of_range", "must be at least " + describe(field.min().get()) + ", got "
                    + describe(value), describe(field.min().get()));
            return false;
        }
        if (field.max().isPresent() && value.compareTo(field.max().get()) > 0) {
            errors.add(path, "out_of_range", "must be at most " + describe(field.max().get()) + ", got "
                    + describe(value), describe(field.max().get()));
            return false;
        }
        return true;
    }

    private static long toLong(Object raw) {
        BigDecimal value;
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        } else if (raw instanceof Number number) {
            value = decimalOf(number);
        } else if (raw instanceof CharSequence text) {
            value = parseDecimal(text.toString().strip(), "a whole number");
        } else {
            throw wrongType("a whole number", raw);
        }
        // Decide on precision and scale first: "1e9999999" must not be expanded to ten million digits.
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw new WrongValue("invalid", "expected a whole number, got " + describe(value));
        }
        if (stripped.precision() - stripped.scale() > LONG_DIGITS) {
            throw outOfLongRange(describe(value));
        }
        BigInteger integer = stripped.toBigIntegerExact();
        if (integer.compareTo(LONG_MIN) < 0 || integer.compareTo(LONG_MAX) > 0) {
            throw outOfLongRange(integer.toString());
        }
        return integer.longValue();
    }

    private static WrongValue outOfLongRange(String value) {
        return new WrongValue("out_of_range", "a whole number must lie between " + Long.MIN_VALUE + " and "
                + Long.MAX_VALUE + ", got " + value, Long.MAX_VALUE);
    }

    private static BigDecimal toDecimal(Object raw) {
        BigDecimal value;
        if (raw instanceof Number number) {
            value = decimalOf(number);
        } else if (raw instanceof CharSequence text) {
            value = parseDecimal(text.toString().strip(), "a decimal number");
        } else {
            throw wrongType("a decimal number", raw);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > DECIMAL_SCALE) {
            throw new WrongValue("invalid", "at most " + DECIMAL_SCALE + " digits after the decimal point, got "
                    + describe(value), DECIMAL_SCALE);
        }
        if (stripped.precision() - stripped.scale() > DECIMAL_INTEGER_DIGITS) {
            throw new WrongValue("out_of_range", "at most " + DECIMAL_INTEGER_DIGITS
                    + " digits before the decimal point, got " + describe(value), DECIMAL_INTEGER_DIGITS);
        }
        return normalize(stripped);
    }

    /**
     * The one form in which decimals are returned, on write and on read alike: no trailing zeros, and no
     * exponent for whole numbers ({@code 100}, not {@code 1E+2}).
     */
    public static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** @return the number as plain text when that is short, else in exponent form, for messages */
    public static String describe(BigDecimal value) {
        return Math.abs(value.scale()) <= 40 ? value.toPlainString() : value.toString();
    }

    private static BigDecimal decimalOf(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new WrongValue("invalid", "expected a finite number, got " + value);
            }
            return BigDecimal.valueOf(value);
        }
        return BigDecimal.valueOf(number.longValue());
    }

    private static BigDecimal parseDecimal(String text, String expected) {
        if (text.length() > 60) {
            throw new WrongValue("invalid", "expected " + expected + ", got text of " + text.length() + " characters");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new WrongValue("wrong_type", "expected " + expected + ", got text '" + text + "'");
        }
    }

    private static Boolean toBoolean(Object raw) {
        if (raw instanceof Boolean value) {
            return value;
        }
        String text = string(raw, "true or false").strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new WrongValue("wrong_type", "expected true or false, got text '" + text + "'");
        };
    }

    private static LocalDate toDate(Object raw) {
        LocalDate date;
        if (raw instanceof LocalDate value) {
            date = value;
        } else {
            String text = string(raw, "a date (yyyy-mm-dd)").strip();
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeException e) {
                throw new WrongValue("wrong_type", "expected a date as yyyy-mm-dd, got text '" + text + "'");
            }
        }
        if (date.isBefore(DATE_MIN) || date.isAfter(DATE_MAX)) {
            throw new WrongValue("out_of_range", "a date must lie between 0001-01-01 and 9999-12-31, got " + date);
        }
        return date;
    }

    private static Instant toInstant(Object raw) {
        Instant instant;
        if (raw instanceof Instant value) {
            instant = value;
        } else if (raw instanceof OffsetDateTime value) {
            instant = value.toInstant();
        } else if (raw instanceof ZonedDateTime value) {
            instant = value.toInstant();
        } else {
            String text = string(raw, "a date-time with offset").strip();
            try {
                instant = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException e) {
                throw new WrongValue("wrong_type",
                        "expected a date-time with offset such as 2024-05-31T08:00:00Z, got text '" + text + "'");
            }
        }
        LocalDate date = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        if (date.isBefore(DATE_MIN) || date.isAfter(DATE_MAX)) {
            throw new WrongValue("out_of_range", "a date-time must lie between years 0001 and 9999, got " + instant);
        }
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String choice(FieldDefinition field, String raw) {
        String value = raw.strip();
        if (!field.options().contains(value)) {
            throw new WrongValue("not_allowed", "'" + value + "' is not one of the options " + field.options());
        }
        return value;
    }

    private static List<String> choices(FieldDefinition field, Object raw) {
        if (!(raw instanceof Collection<?> collection)) {
            throw wrongType("a list of options", raw);
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (Object item : collection) {
            if (item == null) {
                throw new WrongValue("wrong_type", "expected options as text, got a null element");
            }
            chosen.add(choice(field, string(item, "an option")));
        }
        return field.options().stream().filter(chosen::contains).toList();
    }

    private static String email(Object raw) {
        String text = string(raw, "an email address").strip();
        if (text.length() > EMAIL_MAX) {
            throw new WrongValue("too_long", "at most " + EMAIL_MAX + " characters, got " + text.length(), EMAIL_MAX);
        }
        try {
            return EmailNormalizer.normalize(text);
        } catch (IllegalArgumentException e) {
            throw new WrongValue("invalid", e.getMessage());
        }
    }

    private String phone(Object raw) {
        String text = string(raw, "a phone number").strip();
        if (text.length() > PHONE_MAX) {
            throw new WrongValue("too_long", "at most " + PHONE_MAX + " characters, got " + text.length(), PHONE_MAX);
        }
        try {
            return phones.normalize(text);
        } catch (IllegalArgumentException e) {
            throw new WrongValue("invalid", e.getMessage());
        }
    }

    private static String url(Object raw) {
        String text = raw instanceof URI uri ? uri.toString() : string(raw, "a URL").strip();
        if (text.length() > URL_MAX) {
            throw new WrongValue("too_long", "at most " + URL_MAX + " characters, got " + text.length(), URL_MAX);
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new WrongValue("invalid", "'" + text + "' is not an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            throw new WrongValue("invalid", "'" + text + "' is not a URL: " + e.getReason());
        }
        return text;
    }

    private static String string(Object raw, String expected) {
        if (raw instanceof CharSequence text) {
            return text.toString();
        }
        throw wrongType(expected, raw);
    }

    private static WrongValue wrongType(String expected, Object raw) {
        return new WrongValue("wrong_type", "expected " + expected + ", got " + raw.getClass().getSimpleName()
                + " " + abbreviate(String.valueOf(raw)));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? "'" + text + "'" : "'" + text.substring(0, 40) + "...'";
    }

    /** A value that does not fit the field; turned into a FieldError by {@link #convert}. */
    private static final class WrongValue extends RuntimeException {
        final String code;
        final Object limit;

        WrongValue(String code, String message) {
            this(code, message, null);
        }

        WrongValue(String code, String message, Object limit) {
            super(message, null, false, false);
            this.code = code;
            this.limit = limit;
        }
    }
}
