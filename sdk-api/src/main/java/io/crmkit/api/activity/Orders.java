package io.crmkit.api.activity;

import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Page;
import java.util.Optional;

/** Orders of customers. Creating an order or changing its status refreshes the customer's metrics. */
public interface Orders {

    /**
     * @throws ValidationException       naming every invalid value of the draft
     * @throws ConflictException         when the tenant already has an order with this number
     * @throws NotFoundException         when the customer does not exist
     * @throws PermissionDeniedException without {@code WRITE}
     */
    Order create(long customerId, OrderDraft draft);

    /**
     * @param version the order's version as read
     * @throws NotFoundException         when the order does not exist in the tenant
     * @throws ConflictException         when the order changed since it was read
     * @throws PermissionDeniedException without {@code WRITE}
     */
    Order changeStatus(long orderId, OrderStatus status, long version);

    /** @return the order with its lines, when it exists in the tenant */
    Optional<Order> find(long orderId);

    /** @return the order with this number, when the tenant has one */
    Optional<Order> findByNumber(String number);

    /**
     * A customer's orders, newest first (by order time, then id), with their lines.
     *
     * @throws NotFoundException         when the customer does not exist
     * @throws PermissionDeniedException without {@code READ}
     */
    Page<Order> ofCustomer(long customerId, PageRequest page);
}
