package io.crmkit.impl.db;

/**
 * What a query of one page of customer ids is made of, as the filter compiler built it: what a dialect needs to
 * know to choose the plan of the page ({@link Dialect#customerPage}).
 *
 * @param phoneLookup       the keyword is a phone number, looked up through the identity key (one customer or none)
 * @param keyword           the page has a keyword condition
 * @param subquery          a condition reads another table in an {@code EXISTS} subquery
 * @param fromCursor        the page continues after a cursor
 * @param sortedByCreatedAt the page is sorted by the customers' creation time
 * @param sortedByMetric    the page is sorted by a customer metric (a join of the metric table)
 */
public record PageShape(boolean phoneLookup, boolean keyword, boolean subquery, boolean fromCursor,
                        boolean sortedByCreatedAt, boolean sortedByMetric) {
}
