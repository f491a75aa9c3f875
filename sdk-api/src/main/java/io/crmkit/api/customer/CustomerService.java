package io.crmkit.api.customer;

import java.util.Collection;
import java.util.Optional;

/**
 * Single-customer operations for one actor's tenant. Every method checks the actor's permission first
 * ({@code PermissionDeniedException}, nothing read or written), runs in one transaction (a failure changes
 * nothing), and records writes in the audit log.
 *
 * <p>A customer of another tenant is never found: methods taking an id throw {@code NotFoundException}
 * exactly as for an id that does not exist.
 */
public interface CustomerService {

    /**
     * Creates a customer. It needs at least one of name, phone, email or external id. Identities are
     * normalized (E.164 phones, lower-case emails) and must not belong to another customer of the tenant.
     * The customer starts {@link CustomerStatus#NEW}, or {@link CustomerStatus#ASSIGNED} when the draft
     * names an owner. Needs WRITE.
     *
     * @return the stored customer, version 1
     * @throws io.crmkit.api.error.ValidationException listing every invalid field
     * @throws io.crmkit.api.error.ConflictException   when a phone, email, external id, openid or channel
     *                                                 account belongs to another customer (named by id)
     */
    Customer create(CustomerDraft draft);

    /**
     * Reads a customer. Needs READ.
     *
     * @throws io.crmkit.api.error.NotFoundException when no customer of the tenant has this id
     */
    Customer get(long id);

    /** Reads a customer, if the tenant has one with this id. Needs READ. */
    Optional<Customer> find(long id);

    /**
     * Applies a patch made against {@link CustomerPatch#version()}. Needs WRITE.
     *
     * @return the customer after the change, with its version incremented (unchanged if the patch is empty)
     * @throws io.crmkit.api.error.ValidationException listing every invalid field
     * @throws io.crmkit.api.error.ConflictException   when the customer changed since that version, or a new
     *                                                 identity belongs to another customer
     * @throws io.crmkit.api.error.NotFoundException   when there is no such customer
     */
    Customer update(long id, CustomerPatch patch);

    /**
     * Deletes a customer with its identities, tags and custom values. Needs DELETE.
     *
     * @throws io.crmkit.api.error.NotFoundException when there is no such customer
     */
    void delete(long id);

    /**
     * Finds the customer holding a phone, typed in any common notation (normalized as on write).
     * Needs READ.
     *
     * @return empty when no customer has it, or when the text is not a valid phone number
     */
    Optional<Customer> findByPhone(String phone);

    /** Finds the customer holding an email, in any case and with surrounding spaces. Needs READ. */
    Optional<Customer> findByEmail(String email);

    /** Finds the customer holding an external ("docking") id. Needs READ. */
    Optional<Customer> findByExternalId(String externalId);

    /**
     * Finds the customer holding an identity of any type. For {@link IdentityType#CHANNEL} the value is
     * {@code "channel:account"}, such as {@code "whatsapp:+84912345678"}. Needs READ.
     */
    Optional<Customer> findByIdentity(IdentityType type, String value);

    /**
     * Marks one of the customer's identities as verified (the customer confirmed it). Needs WRITE.
     *
     * @param value the identity's value in any notation the type accepts ({@code "channel:account"} for channels)
     * @throws io.crmkit.api.error.NotFoundException when the customer has no such identity
     */
    Customer markVerified(long id, IdentityType type, String value);

    /**
     * Adds tags; tags the customer already has are left alone. Needs WRITE.
     *
     * @throws io.crmkit.api.error.ValidationException when a tag is blank, longer than 64 characters, or the
     *                                                 customer would have more than 100 tags
     */
    Customer addTags(long id, Collection<String> tags);

    /** Removes tags; tags the customer does not have are ignored. Needs WRITE. */
    Customer removeTags(long id, Collection<String> tags);

    /**
     * Identifies a NEW customer as valid: it becomes {@link CustomerStatus#TO_BE_ASSIGNED}. Needs WRITE.
     *
     * @throws io.crmkit.api.error.StateTransitionException when the customer is not NEW
     */
    Customer identifyAsValid(long id);

    /**
     * Assigns the customer to an owner: it becomes {@link CustomerStatus#ASSIGNED}. Allowed from
     * TO_BE_ASSIGNED, POOL and ASSIGNED (reassignment). Needs WRITE.
     *
     * @param ownerId 1 to 64 characters
     * @throws io.crmkit.api.error.StateTransitionException when the customer is NEW (identify it first)
     */
    Customer assign(long id, String ownerId);

    /**
     * Recycles the customer to the pool: it loses its owner and becomes {@link CustomerStatus#POOL}.
     * Allowed from NEW, TO_BE_ASSIGNED and ASSIGNED. Needs WRITE.
     *
     * @throws io.crmkit.api.error.StateTransitionException when the customer is already in the pool
     */
    Customer recycleToPool(long id);
}
