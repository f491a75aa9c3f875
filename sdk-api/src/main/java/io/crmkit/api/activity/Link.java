package io.crmkit.api.activity;

import io.crmkit.api.error.ValidationException;
import java.time.Instant;

/**
 * A link from a customer to an object of the host application, such as a support ticket or a contract.
 *
 * @param type       the kind of object, 1 to 40 characters of {@code a-z 0-9 _ -}, such as {@code ticket}
 * @param externalId the object's id in the host, 1 to 255 characters; one link per customer, type and id
 * @param label      what a person sees, 0 to 200 characters
 */
public record Link(long id, long customerId, String type, String externalId, String label, Instant createdAt,
                   String createdBy) {

    /** @throws ValidationException naming the component that is null or invalid */
    public Link {
        ValidationException.requireNonNull(type, "type");
        ValidationException.requireNonNull(externalId, "externalId");
        ValidationException.requireNonNull(label, "label");
    }
}
