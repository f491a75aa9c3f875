package io.crmkit.impl.db.schema;

import java.util.List;

/**
 * The {@code customer_rating} table: a customer's RFM quintiles (1-5) and value rating (1-5), set for the whole
 * tenant by each rating (its rows deleted, then written again in one statement); a customer has a row only when it
 * had orders at the last rating. Kept apart from {@link CustomerMetricTable} so that a rating writes narrow rows
 * instead of rewriting every wide metric row and its indexes.
 */
public final class CustomerRatingTable {

    public static final Column TENANT_ID = Column.required("tenant_id", Kind.TEXT);
    public static final Column CUSTOMER_ID = Column.required("customer_id", Kind.BIGINT);
    public static final Column RECENCY = Column.required("recency", Kind.INTEGER);
    public static final Column FREQUENCY = Column.required("frequency", Kind.INTEGER);
    public static final Column MONETARY = Column.required("monetary", Kind.INTEGER);
    public static final Column VALUE_RATING = Column.required("value_rating", Kind.INTEGER);

    /** The table, columns in order. */
    public static final Table TABLE = Table.of("customer_rating", TENANT_ID, CUSTOMER_ID, RECENCY, FREQUENCY,
            MONETARY, VALUE_RATING);

    /** The columns a customer's ratings are read from. */
    public static final List<Column> READ = List.of(RECENCY, FREQUENCY, MONETARY, VALUE_RATING);

    /**
     * @return the table of a customer's metric column: this one for the ratings, {@link CustomerMetricTable} for the
     *         counts
     */
    public static Table holding(String column) {
        return READ.stream().anyMatch(rating -> rating.name().equals(column)) ? TABLE : CustomerMetricTable.TABLE;
    }

    private CustomerRatingTable() {
    }
}
