package io.crmkit.api.filter;

import io.crmkit.api.error.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * One field of the actor's tenant that a filter, a sort or a list view can name, as
 * {@link FilterService#fields()} describes it: enough for a host to build its filter builder and its column
 * settings without a list of its own.
 *
 * <p>The SDK derives each description from the table it checks filters against, so the two cannot disagree: a
 * condition on {@link #key()} with one of {@link #operators()} and values of the operator's
 * {@link AllowedOperator#valueType()} (as many as its {@link AllowedOperator#arity()}, taken from {@link #options()}
 * where the field has options) is accepted; any other operator is refused with a
 * {@link ValidationException} whose message names the field. Values are still checked when the filter is used
 * (ranges, lengths), as {@link Filter} and {@link FilterService} say.
 *
 * @param key             what {@link Filter}, {@link Sort} and {@link ListViews} take: a built-in key
 *                        ({@code city}, {@code phones}), a custom field key, {@code group}, {@code savedFilter} or
 *                        {@code events.<type>}
 * @param label           the name to show: the custom field's label, or an English name for a built-in field
 * @param kind            where the field's values come from
 * @param type            the type of the field's values
 * @param operators       the operators a condition on the field accepts, in a stable order; every field listed takes
 *                        at least one today (every list column can be filtered on), empty would be a field that can
 *                        only be shown
 * @param options         the values a {@link ValueType#CHOICE} or {@link ValueType#ID} field compares with, in
 *                        display order, at most {@link #MAX_OPTIONS}; empty for other fields, where any value of
 *                        the type goes (tags are free text)
 * @param optionsComplete false when the field had more than {@link #MAX_OPTIONS} options and the rest were left out
 * @param column          whether a list view (and an export) can show the field
 * @param sortable        whether a {@link Sort} can name the field
 */
public record FieldMetadata(String key, String label, Kind kind, ValueType type, List<AllowedOperator> operators,
                            List<Option> options, boolean optionsComplete, boolean column, boolean sortable) {

    /**
     * Most options of one field. Stages, statuses and genders have a few, custom choice fields at most 100, and a
     * tenant at most 1,000 groups ({@link Groups#MAX_GROUPS}) and saved filters
     * ({@link SavedFilters#MAX_SAVED_FILTERS}), so the list is complete unless a tenant passed those limits.
     */
    public static final int MAX_OPTIONS = 1_000;

    /** Where a field's values come from. */
    public enum Kind {
        /** A built-in customer attribute ({@code name}, {@code city}, {@code createdAt}, {@code verified}, ...). */
        BUILT_IN,
        /** The customer's identities: {@code phones}, {@code emails}, {@code externalId}, ... */
        IDENTITY,
        /** The customer's tags. */
        TAGS,
        /** A custom field of the tenant (retired fields are not listed). */
        CUSTOM,
        /** A customer metric computed from the timeline and orders ({@code orderCount}, ...). */
        METRIC,
        /** Membership of a group, {@code group}: its options are the tenant's groups. */
        GROUP,
        /** Membership of a saved filter, {@code savedFilter}: its options are the tenant's saved filters. */
        SAVED_FILTER,
        /** Events of one type on the timeline, {@code events.<type>}: one field per type the tenant knows. */
        EVENTS
    }

    /** The type of a field's values, and of the values an operator takes, with the Java type a filter holds. */
    public enum ValueType {
        /** Text, as {@link String}. */
        TEXT,
        /** A phone number, or part of one, in any notation, as {@link String}. */
        PHONE,
        /** An email address, or part of one, as {@link String}; compared ignoring case. */
        EMAIL,
        /** A number, as {@link Long} or {@link java.math.BigDecimal}. */
        NUMBER,
        /** A whole number, as {@link Long}: an id, a count of days or of events. */
        WHOLE_NUMBER,
        /** A date, as {@link java.time.LocalDate}. */
        DATE,
        /** An instant, as {@link java.time.Instant}. */
        DATETIME,
        /** True or false, as {@link Boolean}. */
        BOOLEAN,
        /** One of the field's {@link FieldMetadata#options()}, as the option's {@link String} value. */
        CHOICE,
        /** The id of one of the field's {@link FieldMetadata#options()} (a group, a saved filter), as {@link Long}. */
        ID
    }

    /**
     * An operator a field accepts.
     *
     * @param operator  the operator
     * @param arity     how many values it takes: always {@code operator.arity()}
     * @param valueType the type of each value: the field's type, except the whole number of days of
     *                  {@link Operator#WITHIN_LAST_DAYS} and its kin
     */
    public record AllowedOperator(Operator operator, Operator.Arity arity, ValueType valueType) {

        /**
         * Checks that the arity is the operator's.
         *
         * @param operator  the operator; not null
         * @param arity     {@code operator.arity()}; not null
         * @param valueType the type of each value; not null
         * @throws ValidationException code {@code required} on the field of a null component; code {@code invalid}
         *                             on field {@code arity} when it is not the operator's
         */
        public AllowedOperator {
            ValidationException.requireNonNull(operator, "operator");
            ValidationException.requireNonNull(arity, "arity");
            ValidationException.requireNonNull(valueType, "valueType");
            if (arity != operator.arity()) {
                throw ValidationException.of("arity", "invalid", "arity: " + operator + " takes " + operator.arity()
                        + " value(s), not " + arity);
            }
        }

        /**
         * @param operator  the operator; not null
         * @param valueType the type of each value; not null
         * @return the operator with its own arity
         * @throws ValidationException code {@code required} on the field of a null argument
         */
        public static AllowedOperator of(Operator operator, ValueType valueType) {
            return new AllowedOperator(operator, ValidationException.requireNonNull(operator, "operator").arity(),
                    valueType);
        }
    }

    /**
     * A value a choice or membership field compares with.
     *
     * @param value what a condition holds: the choice as {@link String} ({@link ValueType#CHOICE}), or the id as
     *              {@link Long} ({@link ValueType#ID})
     * @param label the name to show: the choice itself, or the name of the group or saved filter
     */
    public record Option(Object value, String label) {

        /**
         * Checks the value's type.
         *
         * @param value a {@link String} or a {@link Long}; not null
         * @param label the name to show; not null
         * @throws ValidationException code {@code required} on the field of a null component; code
         *                             {@code wrong_type} on field {@code value} when it is neither text nor a Long
         */
        public Option {
            ValidationException.requireNonNull(value, "value");
            ValidationException.requireNonNull(label, "label");
            if (!(value instanceof String) && !(value instanceof Long)) {
                throw ValidationException.of("value", "wrong_type", "value: an option is a String or a Long, got "
                        + value.getClass().getSimpleName());
            }
        }
    }

    /**
     * Checks for nulls and copies the lists.
     *
     * @param key             the key filters take; not null
     * @param label           the name to show; not null
     * @param kind            where the values come from; not null
     * @param type            the type of the values; not null
     * @param operators       the operators accepted, none repeated; neither the list nor an element null
     * @param options         at most {@link #MAX_OPTIONS} options; neither the list nor an element null
     * @param optionsComplete false when options were left out
     * @param column          whether a list view can show the field
     * @param sortable        whether a sort can name the field
     * @throws ValidationException code {@code required} on the field of a null component ({@code operators[index]},
     *                             {@code options[index]} for an element); code {@code duplicate} on
     *                             {@code operators} for an operator listed twice; code {@code too_many} on
     *                             {@code options} past {@link #MAX_OPTIONS}
     */
    public FieldMetadata {
        ValidationException.requireNonNull(key, "key");
        ValidationException.requireNonNull(label, "label");
        ValidationException.requireNonNull(kind, "kind");
        ValidationException.requireNonNull(type, "type");
        operators = ValidationException.requireNoNulls(operators, "operators");
        options = ValidationException.requireNoNulls(options, "options");
        if (operators.stream().map(AllowedOperator::operator).distinct().count() != operators.size()) {
            throw ValidationException.of("operators", "duplicate", "operators: an operator is listed twice in "
                    + operators.stream().map(AllowedOperator::operator).toList());
        }
        if (options.size() > MAX_OPTIONS) {
            throw ValidationException.of("options", "too_many", "options: at most " + MAX_OPTIONS + ", got "
                    + options.size());
        }
    }

    /**
     * @param operator the operator to look for; not null
     * @return how the field takes the operator, or empty when it does not accept it
     */
    public Optional<AllowedOperator> operator(Operator operator) {
        return operators.stream().filter(allowed -> allowed.operator() == operator).findFirst();
    }

    /** @return whether a filter can name the field: it accepts at least one operator */
    public boolean filterable() {
        return !operators.isEmpty();
    }
}
