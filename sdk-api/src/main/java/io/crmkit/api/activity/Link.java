package io.crmkit.api.activity;

import io.crmkit.api.error.ValidationException;
import java.time.Instant;

/**
 * A link from a customer to an object of the host application, such as a support ticket or a contract.
 *
 * @param id         the SDK-generated id of the link
 * @param customerId the linked customer
 * @param type       the kind of object, 1 to 40 characters of {@code a-z 0-9 _ -}, such as {@code ticket}
 * @param externalId the object's id in the host, 1 to 255 characters; one link per customer, type and id
 * @param label      what a person sees, 0 to 200 characters
 * @param createdAt  when the link was created (UTC)
 * @param createdBy  the actor who created it
 */
public record Link(long id, long customerId, String type, String externalId, String label, Instant createdAt,
                   String createdBy) {

    /**
     * Checks for nulls; the limits are checked by {@link Links#add}.
     *
     * @param id         the SDK-generated id of the link
     * @param customerId the linked customer
     * @param type       the kind of object; not null
     * @param externalId the object's id in the host; not null
     * @param label      what a person sees; may be ""; not null
     * @param createdAt  when the link was created
     * @param createdBy  the actor who created it
     * @throws ValidationException on field {@code type}, {@code externalId} or {@code label}, code
     *                             {@code required}, when it is null
     */
    public Link {
        ValidationException.requireNonNull(type, "type");
        ValidationException.requireNonNull(externalId, "externalId");
        ValidationException.requireNonNull(label, "label");
    }
}
