package io.crmkit.api.activity;

/**
 * A customer's details beyond its record, for the actor's tenant. Each part checks permissions on every call:
 * reading needs {@code READ}, writing needs {@code WRITE}. Everything here belongs to one customer and moves with
 * it: a merge moves it to the survivor (and its undo moves it back), the trash keeps it while the customer is
 * deleted and an erasure erases it.
 */
public interface ActivityService {

    /** @return the customers' events: record, append in bulk, read newest first */
    Timeline timeline();

    /** @return tasks on customers: create, change status, list per customer and per assignee */
    Tasks tasks();

    /** @return orders of customers with their line items */
    Orders orders();

    /** @return links from customers to objects of the host application */
    Links links();

    /** @return per-customer metrics computed from events and orders, and the value rating */
    Metrics metrics();
}
