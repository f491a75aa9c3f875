package io.crmkit.impl.filter;

import io.crmkit.api.field.FieldType;
import io.crmkit.impl.identity.EmailNormalizer;
import io.crmkit.impl.identity.PhoneNormalizer;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Turns a value a condition compares with into the form the database stores: phones in E.164 and emails as
 * looked up (the normalizers of {@code impl.identity}), whole numbers as numbers of the column's type. A phone
 * that is not a valid number stays as typed, so that it matches nothing rather than failing. Thread-safe.
 */
final class ComparedValues {

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
