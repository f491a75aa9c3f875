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

    /**
     * Copies the lines; the limits in the type's description are checked when the order is created, on the
     * field of the same name ({@code lines[index].name} for a line).
     *
     * @param number    the host's order number, 1 to 64 characters after trimming, unique in the tenant; not null
     * @param orderedAt when it was placed, from 1900 to the end of 9998; not null
     * @param status    where it stands; not null
     * @param currency  ISO 4217 code of three capital letters; not null
     * @param lines     at most {@value #LINES_MAX} line items; may be empty; neither the list nor a line may be null
     * @param amount    the total, zero or more, at most 4 decimals; empty to take the sum of the lines (then
     *                  required without lines); not null
     * @throws ValidationException code {@code required} on the field of a null component ({@code lines[index]} for
     *                             a null line)
     */
    public OrderDraft {
        ValidationException.requireNonNull(number, "number");
        ValidationException.requireNonNull(orderedAt, "orderedAt");
        ValidationException.requireNonNull(status, "status");
        ValidationException.requireNonNull(currency, "currency");
        lines = ValidationException.requireNoNulls(lines, "lines");
        ValidationException.requireNonNull(amount, "amount");
    }

    /**
     * @param number    the host's order number, 1 to 64 characters, unique in the tenant
     * @param orderedAt when it was placed, from 1900 to the end of 9998
     * @param status    where it stands
     * @param currency  ISO 4217 code of three capital letters, such as {@code VND}
     * @param lines     1 to {@value #LINES_MAX} line items (an order without lines needs an amount: use
     *                  {@link #ofAmount})
     * @return an order of the given lines, its amount their sum
     * @throws ValidationException code {@code required} on the field of a null argument
     */
    public static OrderDraft of(String number, Instant orderedAt, OrderStatus status, String currency,
                                List<OrderLine> lines) {
        return new OrderDraft(number, orderedAt, status, currency, lines, Optional.empty());
    }

    /**
     * @param number    the host's order number, 1 to 64 characters, unique in the tenant
     * @param orderedAt when it was placed, from 1900 to the end of 9998
     * @param status    where it stands
     * @param currency  ISO 4217 code of three capital letters, such as {@code VND}
     * @param amount    the total, zero or more, at most 4 decimals and 20 digits before the point; not null
     * @return an order without lines, of the given amount
     * @throws ValidationException code {@code required} on the field of a null argument ({@code amount} included)
     */
    public static OrderDraft ofAmount(String number, Instant orderedAt, OrderStatus status, String currency,
                                      BigDecimal amount) {
        return new OrderDraft(number, orderedAt, status, currency, List.of(),
                Optional.of(ValidationException.requireNonNull(amount, "amount")));
    }
}
