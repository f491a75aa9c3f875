package io.crmkit.api.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order of a customer, as stored.
 *
 * @param version increases with every change; {@link Orders#changeStatus} takes it to refuse stale writes
 */
public record Order(long id, long customerId, String number, Instant orderedAt, OrderStatus status,
                    BigDecimal amount, String currency, List<OrderLine> lines, Instant createdAt, String createdBy,
                    long version) {

    /** Checks for nulls and copies the collections. */
    public Order {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }
}
