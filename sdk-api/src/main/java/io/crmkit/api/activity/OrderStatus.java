package io.crmkit.api.activity;

/** Where an order stands. Cancelled and refunded orders do not count toward a customer's spending. */
public enum OrderStatus {
    PENDING,
    PAID,
    SHIPPED,
    COMPLETED,
    CANCELLED,
    REFUNDED;

    /** @return whether the order counts toward the customer's orders and spending */
    public boolean counts() {
        return this != CANCELLED && this != REFUNDED;
    }
}
