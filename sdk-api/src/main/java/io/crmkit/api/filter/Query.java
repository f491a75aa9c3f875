package io.crmkit.api.filter;

import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * What a search asks for: a filter, a keyword, an order and a page.
 *
 * <p>The keyword matches where it occurs anywhere in one of those texts (a substring, not a word; {@code %} and
 * {@code _} are plain characters). On PostgreSQL, where the tables carry the trigram indexes of the pg_trgm extension
 * (the migration adds them when its database role may create the extension; the kit logs a warning when it is built
 * without them), a keyword with 3 letters or digits in a row, or of 1-2 characters, is looked up in those indexes. On
 * MariaDB, where the tables carry FULLTEXT indexes of the text's ASCII letters and digits (migration V22; the kit
 * warns when it is built without them, or when the server's {@code innodb_ft_min_token_size} is above 4), they serve
 * a keyword with 3 of them in a row, or of 1-2 characters starting with one: a page first checks the tenant's
 * customers in the page's order for a bounded number of rows and reads the indexes only when that did not fill the
 * page, and counts read them. Any other keyword, every keyword on H2, a page sorted by a metric, and the chunks of
 * bulk operations and exports on MariaDB are checked against the tenant's customers in order until the page or
 * chunk is full: fast when the keyword matches many, slow when it matches few of many customers. The results are
 * the same either way.
 *
 * @param filter    the condition customers must meet; empty for all customers
 * @param keyword   0 to 255 characters searched in name, nickname, company, every part of the address (country,
 *                  province, city, area, detail), phones (any notation), emails and external ids, ignoring case;
 *                  blank for none
 * @param sort      the order, {@link Sort#NEWEST_FIRST} by default
 * @param pageSize  1 to 1000 customers per page, 50 by default
 * @param cursor    where the page starts: the {@code nextCursor} of the previous page of the same query, empty
 *                  for the first page
 * @param withTotal whether the page carries the number of all matching customers (one more query)
 */
public record Query(Optional<Filter> filter, String keyword, Sort sort, int pageSize, Optional<String> cursor,
                    boolean withTotal) {

    /** Default page size. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** Largest page size. */
    public static final int MAX_PAGE_SIZE = 1000;
    /** Longest keyword. */
    public static final int MAX_KEYWORD = 255;

    /**
     * Checks the limits.
     *
     * @param filter    the condition customers must meet; empty for all customers; not null
     * @param keyword   0 to {@value #MAX_KEYWORD} characters, without NUL; null or blank for none
     * @param sort      the order; not null
     * @param pageSize  1 to {@value #MAX_PAGE_SIZE}
     * @param cursor    the {@code nextCursor} of the previous page of the same query; empty for the first page;
     *                  not null
     * @param withTotal whether the page carries the number of all matching customers
     * @throws ValidationException on field {@code pageSize} (code {@code out_of_range}) when the page size is out of
     *                             range, or on field {@code keyword} when it is too long ({@code too_long}) or holds
     *                             a NUL character ({@code invalid}); on field {@code filter}, {@code sort} or
     *                             {@code cursor} (code {@code required}) when it is null
     */
    public Query {
        ValidationException.requireNonNull(filter, "filter");
        keyword = keyword == null ? "" : keyword;
        ValidationException.requireNonNull(sort, "sort");
        ValidationException.requireNonNull(cursor, "cursor");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new ValidationException(List.of(FieldError.of("pageSize", "out_of_range", "pageSize: must be between 1"
                    + " and " + MAX_PAGE_SIZE + ", got " + pageSize, MAX_PAGE_SIZE)));
        }
        if (keyword.codePointCount(0, keyword.length()) > MAX_KEYWORD) {
            throw new ValidationException(List.of(FieldError.of("keyword", "too_long", "keyword: at most " + MAX_KEYWORD
                    + " characters, got " + keyword.codePointCount(0, keyword.length()), MAX_KEYWORD)));
        }
        if (keyword.indexOf('\0') >= 0) {
            throw ValidationException.of("keyword", "invalid", "keyword: holds a NUL character, which no text stored"
                    + " holds");
        }
    }

    /**
     * @param filter the condition customers must meet
     * @return the first page of the customers matching the filter, newest first
     * @throws ValidationException on field {@code filter}, code {@code required}, when it is null
     */
    public static Query where(Filter filter) {
        ValidationException.requireNonNull(filter, "filter");
        return new Query(Optional.of(filter), "", Sort.NEWEST_FIRST, DEFAULT_PAGE_SIZE, Optional.empty(), false);
    }

    /** @return the first page of all customers, newest first */
    public static Query all() {
        return new Query(Optional.empty(), "", Sort.NEWEST_FIRST, DEFAULT_PAGE_SIZE, Optional.empty(), false);
    }

    /**
     * @param keyword 0 to {@value #MAX_KEYWORD} characters searched in name, nickname, company, address, phones,
     *                emails and external ids, without NUL; null or blank for none
     * @return this query with a keyword
     * @throws ValidationException on field {@code keyword}, as the constructor does
     */
    public Query keyword(String keyword) {
        return new Query(filter, keyword, sort, pageSize, cursor, withTotal);
    }

    /**
     * @param sort the order
     * @return this query in another order
     * @throws ValidationException on field {@code sort}, code {@code required}, when it is null
     */
    public Query sortedBy(Sort sort) {
        return new Query(filter, keyword, sort, pageSize, cursor, withTotal);
    }

    /**
     * @param pageSize 1 to {@value #MAX_PAGE_SIZE} customers per page
     * @return this query with another page size
     * @throws ValidationException on field {@code pageSize}, code {@code out_of_range}, outside that range
     */
    public Query pageSize(int pageSize) {
        return new Query(filter, keyword, sort, pageSize, cursor, withTotal);
    }

    /**
     * @param cursor the {@code nextCursor} of the previous page of the same query, unchanged
     * @return this query starting after the page that returned the cursor
     * @throws ValidationException on field {@code cursor}, code {@code required}, when it is null
     */
    public Query after(String cursor) {
        ValidationException.requireNonNull(cursor, "cursor");
        return new Query(filter, keyword, sort, pageSize, Optional.of(cursor), withTotal);
    }

    /** @return this query asking for the total count */
    public Query includeTotal() {
        return new Query(filter, keyword, sort, pageSize, cursor, true);
    }
}
