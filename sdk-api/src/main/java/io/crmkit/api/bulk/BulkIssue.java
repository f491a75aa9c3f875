package io.crmkit.api.bulk;

/**
 * Why one customer was skipped or failed in a bulk operation.
 *
 * @param customerId the customer
 * @param code       machine-readable reason: not_found, invalid_transition, too_many, invalid, conflict, or
 *                   no_longer_matches (a customer of a query that stopped matching before its chunk ran)
 * @param message    the reason for a person, naming the field and the limit where there is one
 */
public record BulkIssue(long customerId, String code, String message) {
}
