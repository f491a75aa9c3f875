package io.crmkit.samples.web;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.filter.CustomerGroup;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.SavedFilter;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One customer as the details panel shows it: its fields, identities (each with whether it is verified), tags, the
 * segments and groups it is in; and the inline edit of one field at a time.
 */
@RestController
@RequestMapping("/api/customers/{id}")
class CustomerDetailsApi {

    private final Crm crm;

    CustomerDetailsApi(Crm crm) {
        this.crm = crm;
    }

    /** @return the customer with its segments and groups; 404 when the tenant has no such customer */
    @GetMapping("/details")
    Details details(@PathVariable long id) {
        return details(crm.customers().get(id));
    }

    /**
     * Changes one field of the customer, as the panel's inline edit sends it. 400 with the SDK's error on the field
     * (such as {@code emails[0]}) when the value is not valid, 409 when the customer changed since the panel read it,
     * 404 when there is no such customer.
     *
     * @return the customer after the change, as {@link #details} returns it
     */
    @PatchMapping
    Details edit(@PathVariable long id, @RequestBody FieldEdit edit) {
        return details(new CustomerEdit(crm).apply(id, edit));
    }

    private Details details(Customer customer) {
        List<Membership> segments = crm.filters().saved().segmentsOf(customer.id()).stream()
                .map(CustomerDetailsApi::membership).toList();
        return new Details(customer, segments, groupsOf(customer.id()));
    }

    /**
     * The groups the customer is a member of. The SDK has no call for this (groups list their members, not the
     * reverse), so each of the tenant's groups (at most 1,000) is asked whether the customer is in it.
     */
    private List<Membership> groupsOf(long customerId) {
        return crm.filters().groups().list().stream()
                .filter(group -> crm.filters().count(Filter.all(Filter.eq("id", customerId),
                        Filter.inGroup(group.id()))) > 0)
                .map(CustomerDetailsApi::membership).toList();
    }

    private static Membership membership(SavedFilter segment) {
        return new Membership(segment.id(), segment.name());
    }

    private static Membership membership(CustomerGroup group) {
        return new Membership(group.id(), group.name());
    }

    /**
     * An inline edit.
     *
     * @param version the customer's version as the panel read it
     * @param field   the field's key: a built-in field of {@link CustomerEdit#FIELDS} or a custom field's key
     * @param value   the new value as typed; "" clears; lists (phones, emails, multiple choices) separated by commas
     */
    record FieldEdit(Long version, String field, String value) {
    }

    /** The customer, the segments it matches and the groups it is in, by name. */
    record Details(Customer customer, List<Membership> segments, List<Membership> groups) {
    }

    /** A segment or group, by id and name. */
    record Membership(long id, String name) {
    }
}
