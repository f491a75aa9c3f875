package io.crmkit.api.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order of a customer, as stored.
 *
 * @param id         the SDK-generated id of the order
 * @param customerId whose order it is
 * @param number     the host's order number, unique in the tenant
 * @param orderedAt  when it was placed (UTC, to the microsecond)
 * @param status     where it stands
 * @param amount     the total, with 4 decimals
 * @param currency   ISO 4217 code, such as {@code VND}
 * @param lines      the line items; empty for an order created with an amount only
 * @param createdAt  when it was recorded (UTC)
 * @param createdBy  the actor who recorded it
 * @param version    increases with every change; {@link Orders#changeStatus} takes it to refuse stale writes
 */
public record Order(long id, long customerId, String number, Instant orderedAt, OrderStatus status,
                    BigDecimal amount, String currency, List<OrderLine> lines, Instant createdAt, String createdBy,
                    long version) {

    /**
     * Checks for nulls and copies the lines.
     *
     * @param id         the SDK-generated id of the order
     * @param customerId whose order it is
     * @param number     the host's order number; not null
     * @param orderedAt  when it was placed
     * @param status     where it stands; not null
     * @param amount     the total; not null
     * @param currency   ISO 4217 code; not null
     * @param lines      the line items; neither the list nor a line may be null
     * @param createdAt  when it was recorded
     * @param createdBy  the actor who recorded it
     * @param version    the order's version, 1 when created
     * @throws NullPointerException when a component checked here, or a line, is null
     */
    public Order {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }
}
