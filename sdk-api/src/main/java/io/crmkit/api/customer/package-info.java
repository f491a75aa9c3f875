/**
 * Customers: the record, its identities (phones, emails, external ids, channel accounts), tags, status flow
 * and lifecycle stage, and the single-customer operations of {@link io.crmkit.api.customer.CustomerService}.
 */
package io.crmkit.api.customer;
