package io.crmkit.api.activity;

import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.LimitExceededException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import java.util.List;

/**
 * Links from customers to the host's own objects, created by hand. The links of a customer in the trash stay
 * stored but are out of reach until the customer is restored.
 */
public interface Links {

    /** Most links per customer. */
    int MAX_PER_CUSTOMER = 1000;

    /**
     * Links the customer to an object; values are trimmed and checked as {@link Link} describes.
     *
     * @param customerId the customer to link
     * @param type       the kind of object, 1 to 40 characters of {@code a-z 0-9 _ -} (field {@code type}); not null
     * @param externalId the object's id in the host, 1 to 255 characters (field {@code externalId})
     * @param label      what a person sees, 0 to 200 characters (field {@code label}); null or "" for none
     * @return the link as stored
     * @throws ValidationException       naming every bad value of type, external id and label
     * @throws ConflictException         when the customer already has a link to this object (type and external
     *                                   id compare exactly); {@link ConflictException#conflictingId()} is that link
     * @throws LimitExceededException    when the customer has {@value #MAX_PER_CUSTOMER} links already
     * @throws NotFoundException         when the customer does not exist or is in the trash
     * @throws PermissionDeniedException without {@code WRITE}
     */
    Link add(long customerId, String type, String externalId, String label);

    /**
     * @param customerId the customer whose links to list
     * @return the customer's links, oldest first; empty when it has none
     * @throws NotFoundException         when the customer does not exist or is in the trash
     * @throws PermissionDeniedException without {@code READ}
     */
    List<Link> of(long customerId);

    /**
     * @param linkId the id of the link, as {@link Link#id()} returned it
     * @return whether a link was removed; false when the tenant has no such link or its customer is in the trash
     * @throws PermissionDeniedException without {@code WRITE}
     */
    boolean remove(long linkId);
}
