package io.crmkit.impl.merge;

/**
 * A customer holding an identity: its id, the stored value, the value's match key and the customer's
 * {@link NameKey} (empty when not read).
 */
record Holder(long customerId, String value, String key, String nameKey) {
}
