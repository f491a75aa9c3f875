package io.crmkit.api.activity;

import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import java.util.List;

/** Links from customers to the host's own objects, created by hand. */
public interface Links {

    /** Most links per customer. */
    int MAX_PER_CUSTOMER = 1000;

    /**
     * @throws ValidationException       with a bad type, external id or label
     * @throws ConflictException         when the customer already has a link to this object
     * @throws NotFoundException         when the customer does not exist
     * @throws PermissionDeniedException without {@code WRITE}
     */
    Link add(long customerId, String type, String externalId, String label);

    /**
     * @return the customer's links, oldest first
     * @throws NotFoundException         when the customer does not exist
     * @throws PermissionDeniedException without {@code READ}
     */
    List<Link> of(long customerId);

    /**
     * @return whether a link was removed
     * @throws PermissionDeniedException without {@code WRITE}
     */
    boolean remove(long linkId);
}
