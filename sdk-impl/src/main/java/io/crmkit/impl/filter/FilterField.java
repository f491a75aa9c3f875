package io.crmkit.impl.filter;

import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.filter.Operator;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A field a filter may name, resolved from the whitelist: where its value lives, of which type it is, and the
 * operators a condition on it accepts. The one description of a field that the checker, the compiler and the
 * metadata of {@code FilterService.fields()} all read.
 *
 * @param key       the key as the filter names it
 * @param place     where the value lives, which decides the SQL
 * @param type      the value type, which decides the values allowed
 * @param operators the operators accepted: the type's, unless the field says otherwise
 * @param column    the customer column (COLUMN), the custom value column (CUSTOM), the metric column (METRIC) or
 *                  the event type (EVENTS); "" otherwise
 * @param nullable  whether the customer column can be NULL (otherwise "" means empty)
 * @param idType    the identity type column value (IDENTITY), such as {@code phone} or {@code channel:%}
 * @param choices   the allowed values of a built-in choice field; empty when any text goes
 * @param custom    the definition of a custom field
 */
record FilterField(String key, Place place, ValueType type, Set<Operator> operators, String column, boolean nullable,
                   String idType, List<String> choices, Optional<FieldDefinition> custom) {

    FilterField {
        operators = Collections.unmodifiableSet(EnumSet.copyOf(operators));
    }

    /** A field taking the operators of its type. */
    FilterField(String key, Place place, ValueType type, String column, boolean nullable, String idType,
                List<String> choices, Optional<FieldDefinition> custom) {
        this(key, place, type, type.operators(), column, nullable, idType, choices, custom);
    }

    /** Where a value lives. */
    enum Place {
        /** A customer column. */
        COLUMN,
        /** Any of the address columns: country, province, city, area, detail. */
        ADDRESS,
        /** The tag table. */
        TAGS,
        /** The identity table, one identity type. */
        IDENTITY,
        /** The verified flag of the identity table: whether any identity of the customer is verified. */
        VERIFIED,
        /** The custom value table. */
        CUSTOM,
        /** The customer metric table. */
        METRIC,
        /** The group member table. */
        GROUP,
        /** A saved filter, compiled in place. */
        SAVED_FILTER,
        /** The event table, one event type. */
        EVENTS
    }

    /** Value types of filters, with the operators each allows unless a field says otherwise. */
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
        IDENTITY(EnumSet.of(Operator.EQ, Operator.IN, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY)),
        /** The id of a group or saved filter the customer belongs to. */
        REFERENCE(EnumSet.of(Operator.EQ)),
        /** A count of events in a window of days. */
        EVENTS(EnumSet.of(Operator.OCCURRED_AT_LEAST));

        private final Set<Operator> operators;

        ValueType(Set<Operator> operators) {
            this.operators = operators;
        }

        Set<Operator> operators() {
            return Collections.unmodifiableSet(operators);
        }
    }
}
