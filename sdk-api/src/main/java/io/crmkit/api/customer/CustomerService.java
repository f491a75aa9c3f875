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
     * @param draft the new customer; see {@link CustomerDraft} for each field's limits and the field name a
     *              problem is reported on; not null
     * @return the stored customer, version 1
     * @throws io.crmkit.api.error.ValidationException listing every invalid field
     * @throws io.crmkit.api.error.ConflictException   when a phone, email, external id, openid or channel
     *                                                 account belongs to another customer (named by id)
     */
    Customer create(CustomerDraft draft);

    /**
     * Reads a customer. Needs READ.
     *
     * @param id the customer's id
     * @return the customer, with its identities, tags and custom values
     * @throws io.crmkit.api.error.NotFoundException when no customer of the tenant has this id
     */
    Customer get(long id);

    /**
     * Reads a customer, if the tenant has one with this id. Needs READ.
     *
     * @param id the customer's id
     * @return the customer, or empty when the tenant has none with this id (or it was deleted)
     */
    Optional<Customer> find(long id);

    /**
     * Applies a patch made against {@link CustomerPatch#version()}. Needs WRITE.
     *
     * @param id    the customer's id
     * @param patch the fields to change and the version they were read from; the fields are checked with the
     *              limits of {@link CustomerDraft}; not null
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
     * @param id the customer's id
     * @throws io.crmkit.api.error.NotFoundException when there is no such customer
     */
    void delete(long id);

    /**
     * Finds the customer holding a phone, typed in any common notation (normalized as on write).
     * Needs READ.
     *
     * @param phone the number in any common notation, such as {@code "0912 345 678"} (in the kit's default
     *              region) or {@code "+84 912-345-678"}; not null
     * @return the customer, or empty when no customer has it, or when the text is not a valid phone number
     */
    Optional<Customer> findByPhone(String phone);

    /**
     * Finds the customer holding an email, in any case and with surrounding spaces. Needs READ.
     *
     * @param email the address; not null
     * @return the customer, or empty when no customer of the tenant has it
     */
    Optional<Customer> findByEmail(String email);

    /**
     * Finds the customer holding an external ("docking") id. Needs READ.
     *
     * @param externalId the host system's id, compared after trimming; not null
     * @return the customer, or empty when no customer of the tenant has it
     */
    Optional<Customer> findByExternalId(String externalId);

    /**
     * Finds the customer holding an identity of any type. For {@link IdentityType#CHANNEL} the value is
     * {@code "channel:account"}, such as {@code "whatsapp:+84912345678"}. Needs READ.
     *
     * @param type  the kind of identity; not null
     * @param value the value in any notation the type accepts (normalized as on write); not null
     * @return the customer, or empty when no customer of the tenant has it, or when the value is not valid for
     *         the type (a phone that is not a number, a channel value without {@code ':'})
     */
    Optional<Customer> findByIdentity(IdentityType type, String value);

    /**
     * Marks one of the customer's identities as verified (the customer confirmed it). Needs WRITE.
     *
     * @param id    the customer's id
     * @param type  the kind of identity; not null
     * @param value the identity's value in any notation the type accepts ({@code "channel:account"} for channels);
     *              not null
     * @return the customer after the change; unchanged (same version) when the identity was already verified
     * @throws io.crmkit.api.error.ValidationException on field {@code value}, code {@code invalid}, when a channel
     *                                                 value is not written {@code "channel:account"}
     * @throws io.crmkit.api.error.NotFoundException   when there is no such customer, or it has no such identity
     */
    Customer markVerified(long id, IdentityType type, String value);

    /**
     * Adds tags; tags the customer already has are left alone. Needs WRITE.
     *
     * @param id   the customer's id
     * @param tags the tags, trimmed, each 1 to 64 characters; duplicates collapse; not null
     * @return the customer after the change; unchanged (same version) when it already had every tag
     * @throws io.crmkit.api.error.ValidationException when a tag is blank or longer than 64 characters (field
     *                                                 {@code tags[index]}), or the customer would have more than
     *                                                 100 tags (field {@code tags}, code {@code too_many})
     * @throws io.crmkit.api.error.NotFoundException   when there is no such customer
     */
    Customer addTags(long id, Collection<String> tags);

    /**
     * Removes tags; tags the customer does not have are ignored. Needs WRITE.
     *
     * @param id   the customer's id
     * @param tags the tags, compared after trimming; null and blank entries are ignored; not null
     * @return the customer after the change; unchanged (same version) when it had none of the tags
     * @throws io.crmkit.api.error.NotFoundException when there is no such customer
     */
    Customer removeTags(long id, Collection<String> tags);

    /**
     * Identifies a NEW customer as valid: it becomes {@link CustomerStatus#TO_BE_ASSIGNED}. Needs WRITE.
     *
     * @param id the customer's id
     * @return the customer after the change
     * @throws io.crmkit.api.error.StateTransitionException when the customer is not NEW
     * @throws io.crmkit.api.error.NotFoundException        when there is no such customer
     */
    Customer identifyAsValid(long id);

    /**
     * Assigns the customer to an owner: it becomes {@link CustomerStatus#ASSIGNED}. Allowed from
     * TO_BE_ASSIGNED, POOL and ASSIGNED (reassignment). Needs WRITE.
     *
     * @param id      the customer's id
     * @param ownerId the agent who will follow the customer up, 1 to 64 characters after trimming
     * @return the customer after the change, with the new owner
     * @throws io.crmkit.api.error.ValidationException      on field {@code ownerId} when it is null, blank or too long
     * @throws io.crmkit.api.error.StateTransitionException when the customer is NEW (identify it first)
     * @throws io.crmkit.api.error.NotFoundException        when there is no such customer
     */
    Customer assign(long id, String ownerId);

    /**
     * Recycles the customer to the pool: it loses its owner and becomes {@link CustomerStatus#POOL}.
     * Allowed from NEW, TO_BE_ASSIGNED and ASSIGNED. Needs WRITE.
     *
     * @param id the customer's id
     * @return the customer after the change, without owner
     * @throws io.crmkit.api.error.StateTransitionException when the customer is already in the pool
     * @throws io.crmkit.api.error.NotFoundException        when there is no such customer
     */
    Customer recycleToPool(long id);
}
