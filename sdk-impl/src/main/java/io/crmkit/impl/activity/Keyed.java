package io.crmkit.impl.activity;

import java.time.Instant;

/**
 * An item of a list with the time it is sorted by, from which the list's next cursor is made.
 *
 * @param item the task or order
 * @param at   its sort time as stored
 * @param id   its id, the sort's tie-breaker
 */
record Keyed<T>(T item, Instant at, long id) {
}
