package io.crmkit.api.filter;

/**
 * How a {@link Filter.Condition} compares a field with its values. Which operators a field accepts depends
 * on the field ({@link FilterService#fields()} lists them); a condition that does not fit is refused when the filter
 * is used, with the path of the condition in the tree. The operators that look for a part of a text
 * ({@link #CONTAINS}, {@link #NOT_CONTAINS}, {@link #STARTS_WITH}, {@link #ENDS_WITH}) refuse an empty part.
 */
public enum Operator {
    /** Equal to the one value. Text, number, date, datetime, choice, boolean. */
    EQ(1, 1),
    /** Not equal to the one value (or empty). */
    NE(1, 1),
    /**
     * Text containing the value, ignoring case. On {@code phones}: the digits of the value, in any notation, among
     * the digits of a phone; on {@code address}: any part of the address containing it.
     */
    CONTAINS(1, 1),
    /** Text not containing the value, ignoring case. */
    NOT_CONTAINS(1, 1),
    /**
     * Text starting with the value, ignoring case. On {@code phones}: a phone starting with the number the value
     * begins, in international or national notation; on {@code address}: any part of the address starting with it.
     */
    STARTS_WITH(1, 1),
    /** Text ending with the value, ignoring case. */
    ENDS_WITH(1, 1),
    /** Equal to one of 1 to 1000 values. */
    IN(1, 1000),
    /** Equal to none of 1 to 1000 values (or empty). */
    NOT_IN(1, 1000),
    /** Without value: blank text, no date, no phone, no tag, ... */
    IS_EMPTY(0, 0),
    /** With a value. */
    IS_NOT_EMPTY(0, 0),
    /** Less than. Number, date, datetime. */
    LT(1, 1),
    /** Less than or equal. */
    LE(1, 1),
    /** Greater than. */
    GT(1, 1),
    /** Greater than or equal. */
    GE(1, 1),
    /** Between the two values, both included. */
    BETWEEN(2, 2),
    /** Date or datetime within the last N days (one whole number, 1 to 36500), relative to the kit's clock. */
    WITHIN_LAST_DAYS(1, 1),
    /** Date or datetime before N days ago. */
    BEFORE_DAYS_AGO(1, 1),
    /** Date or datetime after N days ago. */
    AFTER_DAYS_AGO(1, 1),
    /** Tags or multiple choice: has at least one of 1 to 1000 values. */
    HAS_ANY(1, 1000),
    /** Tags or multiple choice: has every one of 1 to 1000 values. */
    HAS_ALL(1, 1000),
    /** Tags or multiple choice: has none of 1 to 1000 values. */
    HAS_NONE(1, 1000),
    /** Boolean true. */
    IS_TRUE(0, 0),
    /** Boolean false. */
    IS_FALSE(0, 0),
    /**
     * Events ({@code events.<type>}): at least N events of the type (first value, a whole number 1 to 1,000,000)
     * in the last D days (second value, a whole number 1 to 36500), relative to the kit's clock.
     */
    OCCURRED_AT_LEAST(2, 2);

    /** How many values an operator takes, for a form that asks for them. */
    public enum Arity {
        /** No value: {@link #IS_EMPTY}, {@link #IS_TRUE}, ... */
        NONE,
        /** Exactly one value. */
        ONE,
        /** Exactly two values: the bounds of {@link #BETWEEN}, the count and days of {@link #OCCURRED_AT_LEAST}. */
        TWO,
        /** A list of 1 to 1000 values: {@link #IN}, {@link #HAS_ANY}, ... */
        MANY
    }

    private final int minValues;
    private final int maxValues;

    Operator(int minValues, int maxValues) {
        this.minValues = minValues;
        this.maxValues = maxValues;
    }

    /** @return the fewest values the operator takes */
    public int minValues() {
        return minValues;
    }

    /** @return the most values the operator takes */
    public int maxValues() {
        return maxValues;
    }

    /** @return how many values the operator takes, as {@link #minValues()} and {@link #maxValues()} say */
    public Arity arity() {
        if (minValues != maxValues) {
            return Arity.MANY;
        }
        return minValues == 0 ? Arity.NONE : minValues == 1 ? Arity.ONE : Arity.TWO;
    }
}
