package io.crmkit.impl.customer;

import io.crmkit.api.customer.AddressDirectory;
import io.crmkit.impl.field.FieldValues;
import io.crmkit.impl.identity.PhoneNormalizer;
import java.time.Clock;
import io.crmkit.api.Actor;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.Identity;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.db.schema.CustomerTable;
import io.crmkit.impl.field.CustomValueRow;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.validation.Errors;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a patch to a customer inside the caller's transaction, with every rule of a single update: the
 * same validation, identities re-normalized, custom values replaced per field. Used by single updates and
 * bulk edits. Thread-safe.
 */
public final class CustomerEditor {

    private final Clock clock;
    private final CustomerValidator validator;

    public CustomerEditor(Clock clock, FieldValues fieldValues, PhoneNormalizer phones, AddressDirectory addresses,
            List<String> lifecycleStages) {
        this.clock = clock;
        this.validator = new CustomerValidator(clock, fieldValues, phones, addresses, lifecycleStages);
    }

    /** @return the checks this editor applies, shared with the parts that validate new customers */
    CustomerValidator validator() {
        return validator;
    }

    /**
     * Writes the patched customer, a new version even when nothing changes (a single update always counts one).
     *
     * @param current         the customer as loaded in this transaction
     * @param attempted       receives the identities the customer is to hold before they are written, so that
     *                        the caller can name who holds one when the write collides
     * @throws ValidationException when the patch breaks a rule for this customer; nothing was written
     * @throws ConflictException   when the customer changed since {@code current} was read
     */
    public void apply(Session session, Actor actor, Customer current, CustomerPatch patch, TenantFields fields,
                      List<IdentityRow> attempted) {
        CleanCustomer clean = validate(current, patch, fields);
        attempted.addAll(clean.identities());
        write(session, actor, current, clean);
    }

    /**
     * @return whether {@link #apply} would change the customer; writes nothing
     * @throws ValidationException when the patch breaks a rule for this customer
     */
    public boolean wouldChange(Customer current, CustomerPatch patch, TenantFields fields) {
        return !unchanged(current, validate(current, patch, fields));
    }

    /** @return the customer as the patch would leave it, validated @throws ValidationException */
    CleanCustomer validate(Customer current, CustomerPatch patch, TenantFields fields) {
        Set<String> verified = current.identities().stream().filter(Identity::verified)
                .map(identity -> IdentityKinds.column(identity.type(), identity.channel()) + "|" + identity.value())
                .collect(Collectors.toSet());
        Errors errors = new Errors();
        return validator.validate(PatchApplier.apply(current, patch, errors), fields, patch.customChanges().keySet(),
                verified, patch.changes()::containsKey, errors);
    }

    /**
     * Compares every column an update writes ({@link CustomerTable#EDITED}), so that a built-in column added to the
     * schema is compared with the rest, and the identities and given custom values.
     */
    static boolean unchanged(Customer current, CleanCustomer clean) {
        // The row the clean customer would write, with what an update leaves as it is taken from the current one.
        CustomerRow row = CustomerRow.of(clean, "", current.id(), current.status(), current.updatedAt(),
                current.updatedBy(), current.version());
        row.row().set(CustomerTable.CREATED_AT, current.createdAt()).set(CustomerTable.CREATED_BY, current.createdBy())
                .set(CustomerTable.OWNER_ID, current.ownerId().orElse(null));
        List<Identity> identities = clean.identities().stream().map(IdentityKinds::toIdentity).toList();
        boolean same = row.toCustomer(identities, current.tags(), current.custom()).equals(current);
        if (!same) {
            return false;
        }
        for (var entry : clean.custom().entrySet()) {
            if (!Objects.equals(current.custom().get(entry.getKey().key()), entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    private void write(Session session, Actor actor, Customer current, CleanCustomer clean) {
        CustomerStatements mapper = new CustomerStatements(session);
        CustomerRow row = CustomerRow.of(clean, actor.tenantId(), current.id(), current.status(),
                clock.instant(), actor.actorId(), current.version() + 1);
        if (mapper.update(row, current.version()) == 0) {
            throw new ConflictException("customer " + current.id() + " was changed by someone else since version "
                    + current.version() + "; read it again and apply the change to the current version");
        }
        List<Identity> identities = clean.identities().stream().map(IdentityKinds::toIdentity).toList();
        if (!identities.equals(current.identities())) {
            mapper.deleteIdentities(actor.tenantId(), current.id());
            if (!clean.identities().isEmpty()) {
                mapper.insertIdentities(actor.tenantId(), current.id(), clean.identities(),
                        (Instant) row.row().get(CustomerTable.UPDATED_AT));
            }
        }
        if (!clean.custom().isEmpty()) {
            List<Long> fieldIds = clean.custom().keySet().stream().map(FieldDefinition::id).toList();
            mapper.deleteCustomValues(actor.tenantId(), current.id(), fieldIds);
            List<CustomValueRow> values = CustomerStore.customRows(clean);
            if (!values.isEmpty()) {
                mapper.insertCustomValues(actor.tenantId(), current.id(), values);
            }
        }
    }
}
