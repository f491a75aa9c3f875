package io.crmkit.api.activity;

/** Where an order stands. Cancelled and refunded orders do not count toward a customer's spending. */
public enum OrderStatus {
    /** Placed, not yet paid. */
    PENDING,
    /** Paid. */
    PAID,
    /** Paid and on its way. */
    SHIPPED,
    /** Delivered and closed. */
    COMPLETED,
    /** Cancelled before completion; does not count toward spending. */
    CANCELLED,
    /** Paid back; does not count toward spending. */
    REFUNDED;

    /** @return whether the order counts toward the customer's orders and spending */
    public boolean counts() {
        return this != CANCELLED && this != REFUNDED;
    }
}
