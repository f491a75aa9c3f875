package io.crmkit.api.field;

import java.util.List;
import java.util.Optional;

/**
 * Custom fields of the actor's tenant. Reading needs READ; defining, updating and retiring need
 * FIELD_ADMIN. A tenant has at most {@link #MAX_ACTIVE_FIELDS} active fields.
 *
 * <p>Definitions are cached per kit; a change made through this kit is seen at once, a change made by
 * another process is seen within the kit's field cache expiry (30 seconds by default).
 */
public interface FieldService {

    /** Most active (not retired) custom fields per tenant. */
    int MAX_ACTIVE_FIELDS = 200;

    /**
     * Defines a custom field.
     *
     * @param draft the field; see {@link FieldDraft} for the limits and the field each problem is reported on;
     *              not null
     * @return the stored definition, version 1
     * @throws io.crmkit.api.error.ValidationException listing every problem of the draft
     * @throws io.crmkit.api.error.ValidationException also when the tenant already has
     *                                                 {@link #MAX_ACTIVE_FIELDS} active fields
     * @throws io.crmkit.api.error.ConflictException   when the key is taken, also by a retired field
     */
    FieldDefinition define(FieldDraft draft);

    /**
     * Changes a field's label, limits or options.
     *
     * @param key    the field's key, retired or not
     * @param update the changes and the version they were made against; not null
     * @return the definition after the change, its version one higher
     * @throws io.crmkit.api.error.ValidationException when a new setting is invalid or does not fit the type
     * @throws io.crmkit.api.error.ConflictException   when the field changed since {@link FieldUpdate#version()}
     * @throws io.crmkit.api.error.NotFoundException   when the tenant has no field with this key
     */
    FieldDefinition update(String key, FieldUpdate update);

    /**
     * Retires a field: it accepts no more values and its values are no longer returned; its key stays
     * taken. Retiring a retired field does nothing.
     *
     * @param key the field's key
     * @return the retired definition; unchanged when it was retired already
     * @throws io.crmkit.api.error.NotFoundException when the tenant has no field with this key
     */
    FieldDefinition retire(String key);

    /**
     * @param key the field's key, as defined
     * @return the field with this key, retired or not; empty when the tenant has none
     */
    Optional<FieldDefinition> find(String key);

    /** @return the active fields, in the order they were defined */
    List<FieldDefinition> list();
}
