package io.crmkit.api.trash;

import io.crmkit.api.customer.Customer;
import java.time.Instant;

/**
 * A customer in the trash, as it was when deleted.
 *
 * @param customer    the customer with its identities, tags and custom values
 * @param deletedAt   when it was deleted
 * @param deletedBy   who deleted it
 * @param reason      the reason given ("" for a single delete without one)
 * @param purgeAfter  when it may be erased for good
 */
public record TrashedCustomer(Customer customer, Instant deletedAt, String deletedBy, String reason,
                              Instant purgeAfter) {
}
