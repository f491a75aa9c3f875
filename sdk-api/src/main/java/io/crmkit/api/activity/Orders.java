package io.crmkit.api.activity;

import io.crmkit.api.Page;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import java.util.Optional;

/**
 * Orders of customers. Creating an order or changing its status refreshes the customer's metrics in the same
 * transaction. Amounts, quantities and prices come back with the 4 decimals they are stored with.
 *
 * <p>The orders of a customer in the trash stay stored but are out of reach (not found, not listed) until the
 * customer is restored; their numbers stay taken meanwhile.
 */
public interface Orders {

    /**
     * Creates an order at version 1.
     *
     * @param customerId the customer who placed it
     * @param draft      the order; see {@link OrderDraft} for the limits of each field; not null
     * @return the order as stored, its amount present
     * @throws ValidationException       naming every invalid value of the draft (see {@link OrderDraft})
     * @throws ConflictException         when the tenant already has an order with this number, also when another
     *                                   create of the number ran at the same time; it names the number and
     *                                   {@link ConflictException#conflictingId()} the order that holds it
     * @throws NotFoundException         when the customer does not exist or is in the trash
     * @throws PermissionDeniedException without {@code WRITE}
     */
    Order create(long customerId, OrderDraft draft);

    /**
     * Changes the status; any status may follow any other. Setting the status the order has changes nothing.
     *
     * @param orderId the order's id
     * @param status  the new status; not null
     * @param version the order's version as read
     * @return the order as stored after the change, its version one higher
     * @throws NotFoundException         when the order does not exist in the tenant
     * @throws ConflictException         when the order changed since it was read
     * @throws PermissionDeniedException without {@code WRITE}
     */
    Order changeStatus(long orderId, OrderStatus status, long version);

    /**
     * @param orderId the order's id
     * @return the order with its lines, or empty when the tenant has no such order or its customer is in the trash
     * @throws PermissionDeniedException without {@code READ}
     */
    Optional<Order> find(long orderId);

    /**
     * @param number compared exactly (case-sensitive) after trimming
     * @return the order with this number, when the tenant has one
     * @throws PermissionDeniedException without {@code READ}
     */
    Optional<Order> findByNumber(String number);

    /**
     * A customer's orders, newest first (by order time, then id), with their lines, in keyset pages: pass a
     * page's {@code nextCursor} to {@link PageRequest#after(String)}. Pages carry no total.
     *
     * @param customerId the customer whose orders to list
     * @param page       the page size and cursor; not null
     * @return a page of the customer's orders; empty items when it has none
     * @throws ValidationException       when the cursor is malformed or belongs to another list
     * @throws NotFoundException         when the customer does not exist or is in the trash
     * @throws PermissionDeniedException without {@code READ}
     */
    Page<Order> ofCustomer(long customerId, PageRequest page);
}
