package io.crmkit.api.activity;

import io.crmkit.api.error.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A new order. Checked when created, every problem reported at once: a number of 1 to 64 characters unique in
 * the tenant (trimmed), an order time from 1900 to the end of 9998 (kept to the microsecond), an ISO 4217
 * currency code (three capital letters; not checked against a list, so that codes newer than the JVM pass), at
 * most {@value #LINES_MAX} lines (see {@link OrderLine}), and an amount of zero or more with at most 4 decimals
 * and 20 digits before the point that, when lines are given, equals the sum of their amounts (it defaults to
 * that sum; an order without lines needs one).
 *
 * @param number    the host's order number
 * @param orderedAt when it was placed
 * @param status    where it stands
 * @param currency  ISO 4217 code, such as {@code VND}
 * @param lines     the line items; may be empty
 * @param amount    the total; empty to take the sum of the lines
 */
public record OrderDraft(String number, Instant orderedAt, OrderStatus status, String currency,
                         List<OrderLine> lines, Optional<BigDecimal> amount) {

    /** Most lines per order. */
    public static final int LINES_MAX = 500;

    /** @throws ValidationException naming the component that is null or invalid */
    public OrderDraft {
        ValidationException.requireNonNull(number, "number");
        ValidationException.requireNonNull(orderedAt, "orderedAt");
        ValidationException.requireNonNull(status, "status");
        ValidationException.requireNonNull(currency, "currency");
        lines = ValidationException.requireNoNulls(lines, "lines");
        ValidationException.requireNonNull(amount, "amount");
    }

    /** @return an order of the given lines, its amount their sum */
    public static OrderDraft of(String number, Instant orderedAt, OrderStatus status, String currency,
                                List<OrderLine> lines) {
        return new OrderDraft(number, orderedAt, status, currency, lines, Optional.empty());
    }

    /** @return an order without lines, of the given amount */
    public static OrderDraft ofAmount(String number, Instant orderedAt, OrderStatus status, String currency,
                                      BigDecimal amount) {
        return new OrderDraft(number, orderedAt, status, currency, List.of(), Optional.of(amount));
    }
}
