package io.crmkit.impl.activity;

import io.crmkit.api.activity.OrderDraft;
import io.crmkit.api.activity.OrderLine;
import io.crmkit.api.error.ValidationException;
import io.crmkit.impl.validation.Errors;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a new order as {@link OrderDraft} and {@link OrderLine} describe, reporting every problem at once, and
 * returns it cleaned: texts trimmed, the time to the microsecond, every number with the {@value #SCALE} decimals
 * the database keeps, and the amount present (the sum of the lines when none was given). A number may have at
 * most {@value #INTEGER_DIGITS} digits before the decimal point. Thread-safe.
 */
final class OrderValidator {

    static final int NUMBER_MAX = 64;
    static final int SKU_MAX = 64;
    static final int NAME_MAX = 200;
    static final int SCALE = 4;
    static final int INTEGER_DIGITS = 20;

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private OrderValidator() {
    }

    /**
     * @return the draft cleaned, its amount present
     * @throws ValidationException naming every invalid value
     */
    static OrderDraft clean(OrderDraft draft) {
        Errors errors = new Errors();
        String number = errors.requiredText("number", draft.number(), NUMBER_MAX, "an order");
        Instant orderedAt = ActivityTimes.check(errors, "orderedAt", draft.orderedAt());
        if (!CURRENCY.matcher(draft.currency()).matches()) {
            errors.add("currency", "invalid", "an ISO 4217 code of three capital letters such as VND, got '"
                    + shorten(draft.currency()) + "'");
        }
        if (draft.lines().size() > OrderDraft.LINES_MAX) {
            errors.add("lines", "too_many", "at most " + OrderDraft.LINES_MAX + " lines, got " + draft.lines().size(),
                    OrderDraft.LINES_MAX);
        }
        List<OrderLine> lines = new ArrayList<>(draft.lines().size());
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < draft.lines().size(); i++) {
            OrderLine line = line(errors, "lines[" + i + "]", draft.lines().get(i));
            lines.add(line);
            sum = sum.add(line.amount());
        }
        BigDecimal amount = amount(errors, draft, sum);
        errors.throwIfAny();
        return new OrderDraft(number, orderedAt, draft.status(), draft.currency(), lines,
                Optional.of(amount.setScale(SCALE)));
    }

    private static BigDecimal amount(Errors errors, OrderDraft draft, BigDecimal sum) {
        if (draft.amount().isEmpty()) {
            if (draft.lines().isEmpty()) {
                errors.add("amount", "required", "an order without lines needs an amount");
            } else if (integerDigits(sum) > INTEGER_DIGITS) {
                errors.add("amount", "out_of_range", "the sum of the lines, " + sum.toPlainString() + ", has more than "
                        + INTEGER_DIGITS + " digits before the decimal point", INTEGER_DIGITS);
            }
            return sum;
        }
        BigDecimal amount = decimal(errors, "amount", draft.amount().get(), false);
        if (!draft.lines().isEmpty() && amount.compareTo(sum) != 0) {
            errors.add("amount", "invalid", "must equal the sum of the lines, " + sum.stripTrailingZeros()
                    .toPlainString() + ", got " + amount.toPlainString() + "; leave it out to take the sum");
        }
        return amount;
    }

    private static OrderLine line(Errors errors, String field, OrderLine line) {
        String sku = errors.text(field + ".sku", line.sku(), SKU_MAX);
        String name = errors.text(field + ".name", line.name(), NAME_MAX);
        if (name.isEmpty()) {
            errors.add(field + ".name", "required", "an order line needs a name");
        }
        BigDecimal quantity = decimal(errors, field + ".quantity", line.quantity(), true);
        BigDecimal price = decimal(errors, field + ".unitPrice", line.unitPrice(), false);
        BigDecimal amount = line.amount();
        if (amount.stripTrailingZeros().scale() > SCALE) {
            errors.add(field, "invalid", "quantity × unit price is " + amount.stripTrailingZeros().toPlainString()
                    + ", more decimals than the " + SCALE + " an amount keeps", SCALE);
        }
        return new OrderLine(sku, name, quantity, price);
    }

    /** @return the value with {@value #SCALE} decimals, or as given when it has more */
    private static BigDecimal decimal(Errors errors, String field, BigDecimal value, boolean positive) {
        if (positive && value.signum() <= 0) {
            errors.add(field, "out_of_range", "must be more than 0, got " + value.toPlainString());
        } else if (value.signum() < 0) {
            errors.add(field, "out_of_range", "must be 0 or more, got " + value.toPlainString());
        }
        if (integerDigits(value) > INTEGER_DIGITS) {
            errors.add(field, "out_of_range", "at most " + INTEGER_DIGITS + " digits before the decimal point, got "
                    + integerDigits(value), INTEGER_DIGITS);
        }
        if (value.stripTrailingZeros().scale() > SCALE) {
            errors.add(field, "invalid", "at most " + SCALE + " decimals, got " + value.stripTrailingZeros().scale(),
                    SCALE);
            return value;
        }
        return value.setScale(SCALE);
    }

    private static int integerDigits(BigDecimal value) {
        return Math.max(0, value.precision() - value.scale());
    }

    private static String shorten(String text) {
        return text.length() <= 10 ? text : text.substring(0, 10) + "...";
    }
}
