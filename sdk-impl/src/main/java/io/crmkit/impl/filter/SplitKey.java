package io.crmkit.impl.filter;

import java.time.Instant;

/** The position of a customer in the order a split cuts: (createdAt, id). */
record SplitKey(Instant createdAt, long id) {
}
