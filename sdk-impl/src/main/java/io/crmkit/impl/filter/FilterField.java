package io.crmkit.impl.filter;

import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.filter.Operator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A field a filter may name, resolved from the whitelist: where its value lives and of which type it is.
 *
 * @param key      the key as the filter names it
 * @param place    customer column, tags, identity, custom value or customer metric
 * @param type     the value type, which decides the operators and values allowed
 * @param column   the customer column (COLUMN), the custom value column (CUSTOM) or the metric column (METRIC);
 *                 "" otherwise
 * @param nullable whether the customer column can be NULL (otherwise "" means empty)
 * @param idType   the identity type column value (IDENTITY), such as {@code phone} or {@code channel:%}
 * @param choices  the allowed values of a built-in choice field; empty when any text goes
 * @param custom   the definition of a custom field
 */
record FilterField(String key, Place place, ValueType type, String column, boolean nullable, String idType,
                   List<String> choices, Optional<FieldDefinition> custom) {

    /** Where a value lives. */
    enum Place { COLUMN, TAGS, IDENTITY, CUSTOM, METRIC }

    /** Value types of filters, with the operators each allows. */
    enum ValueType {
        TEXT(EnumSet.of(Operator.EQ, Operator.NE, Operator.CONTAINS, Operator.NOT_CONTAINS, Operator.STARTS_WITH,
                Operator.ENDS_WITH, Operator.IN, Operator.NOT_IN, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY)),
        CHOICE(EnumSet.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN, Operator.IS_EMPTY,
                Operator.IS_NOT_EMPTY)),
        NUMBER(EnumSet.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE,
                Operator.BETWEEN, Operator.IN, Operator.NOT_IN, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY)),
        DATE(EnumSet.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE,
                Operator.BETWEEN, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY, Operator.WITHIN_LAST_DAYS,
                Operator.BEFORE_DAYS_AGO, Operator.AFTER_DAYS_AGO)),
        DATETIME(DATE.operators),
        BOOLEAN(EnumSet.of(Operator.IS_TRUE, Operator.IS_FALSE, Operator.EQ, Operator.IS_EMPTY,
                Operator.IS_NOT_EMPTY)),
        SET(EnumSet.of(Operator.HAS_ANY, Operator.HAS_ALL, Operator.HAS_NONE, Operator.IS_EMPTY,
                Operator.IS_NOT_EMPTY)),
        IDENTITY(EnumSet.of(Operator.EQ, Operator.IN, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY));

        private final Set<Operator> operators;

        ValueType(Set<Operator> operators) {
            this.operators = operators;
        }

        Set<Operator> operators() {
            return operators;
        }
    }
}
