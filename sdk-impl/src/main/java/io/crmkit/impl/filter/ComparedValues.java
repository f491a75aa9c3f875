package io.crmkit.impl.filter;

import io.crmkit.api.field.FieldType;
import io.crmkit.api.filter.Operator;
import io.crmkit.impl.identity.EmailNormalizer;
import io.crmkit.impl.identity.PhoneNormalizer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a value a condition compares with into the form the database stores: phones in E.164 and emails as
 * looked up (the normalizers of {@code impl.identity}), whole numbers as numbers of the column's type. A phone
 * that is not a valid number stays as typed, so that it matches nothing rather than failing. A part of a phone or
 * an email becomes the LIKE patterns that find it in the stored form. Thread-safe.
 */
final class ComparedValues {

    /**
     * A part of an identity, as the LIKE patterns (escaped with {@link FilterSql#escapeLike}) that find it in the
     * stored values: a value matches when it is like any of them.
     *
     * @param patterns one or more patterns
     */
    record Like(List<String> patterns) {
    }

    private final PhoneNormalizer phones;

    ComparedValues(PhoneNormalizer phones) {
        this.phones = phones;
    }

    /**
     * @return the value as stored for the field: a whole number of a NUMBER field as a decimal (the custom value
     *         and metric columns are decimals), an email lower-cased and trimmed, a phone in E.164 when it is one;
     *         any other value as it is
     */
    Object asStored(FilterField field, Object value) {
        if (value instanceof Long number && field.type() == FilterField.ValueType.NUMBER) {
            return BigDecimal.valueOf(number);
        }
        if (isOf(field, "emails", FieldType.EMAIL)) {
            return EmailNormalizer.forLookup((String) value);
        }
        if (isOf(field, "phones", FieldType.PHONE)) {
            return phones.tryNormalize((String) value).orElse((String) value);
        }
        return value;
    }

    /**
     * A part of a phone number, against phones stored in E.164 ({@code +84912345678}). A part typed with a leading +
     * is the start of a number in international notation ({@code +84 91} finds {@code +8491...}) whatever the
     * operator. Otherwise STARTS_WITH reads it as the start of a number in national notation when it begins with
     * the default region's national prefix ({@code 091} finds {@code +8491...}), and in international notation
     * without the + when not ({@code 8491}); CONTAINS finds its digits anywhere in a number, or as such a national
     * start. Patterns that begin with the number's start can use the identity key.
     *
     * @param international whether the part was typed with a leading +
     * @param digits        its digits, 1 to 15
     */
    Like phonePart(Operator operator, boolean international, String digits) {
        if (international) {
            return new Like(List.of("+" + digits + "%"));
        }
        Optional<String> national = phones.nationalStart(digits);
        if (operator == Operator.STARTS_WITH) {
            return new Like(List.of(national.orElse("+" + digits) + "%"));
        }
        List<String> patterns = new ArrayList<>(List.of("%" + digits + "%"));
        national.ifPresent(start -> patterns.add(start + "%"));
        return new Like(patterns);
    }

    /**
     * A part of an email address, against emails stored lower-cased.
     *
     * @param part the part, lower-cased
     */
    static Like emailPart(Operator operator, String part) {
        String escaped = FilterSql.escapeLike(part);
        return new Like(List.of(operator == Operator.STARTS_WITH ? escaped + "%" : "%" + escaped + "%"));
    }

    private static boolean isOf(FilterField field, String builtIn, FieldType customType) {
        return field.key().equals(builtIn)
                || field.custom().map(definition -> definition.type() == customType).orElse(false);
    }

    /**
     * @return the number as a long when it is whole and fits one: the id column is a BIGINT, and a DECIMAL value
     *         would make the database cast the column and skip its index; empty otherwise
     */
    static Optional<Long> wholeNumber(Number value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Optional.of(value.longValue());
        }
        try {
            return Optional.of(new BigDecimal(value.toString()).longValueExact());
        } catch (ArithmeticException | NumberFormatException notWhole) {
            return Optional.empty();
        }
    }
}
