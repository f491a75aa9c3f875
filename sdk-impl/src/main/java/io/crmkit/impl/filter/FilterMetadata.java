package io.crmkit.impl.filter;

import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.filter.FieldMetadata;
import io.crmkit.api.filter.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * The field metadata of {@code FilterService.fields()}, derived with no list of its own: the fields and operators
 * from the whitelist ({@link FilterFields}) that the checker and compiler read, each operator's value type from the
 * {@link ConditionChecker}, the column flag from {@link ListColumns} and the sort flag from {@link SortKey}. Every
 * list column is a filter field too, so the whitelist lists every field a host can name. Thread-safe (no state).
 */
final class FilterMetadata {

    /**
     * Options read with one more than {@link FieldMetadata#MAX_OPTIONS} asked for, so that a cut list says so.
     *
     * @param options up to {@code MAX_OPTIONS + 1} options
     */
    record Options(List<FieldMetadata.Option> options) {

        List<FieldMetadata.Option> kept() {
            return options.size() > FieldMetadata.MAX_OPTIONS ? options.subList(0, FieldMetadata.MAX_OPTIONS)
                    : options;
        }

        boolean complete() {
            return options.size() <= FieldMetadata.MAX_OPTIONS;
        }
    }

    private FilterMetadata() {
    }

    /**
     * @param fields       the tenant's whitelist
     * @param eventTypes   the event types the tenant knows
     * @param groups       the tenant's groups, by name
     * @param savedFilters the tenant's saved filters, by name
     * @return every field of the whitelist, in its order
     */
    static List<FieldMetadata> describe(FilterFields fields, List<String> eventTypes, Options groups,
                                        Options savedFilters) {
        List<FieldMetadata> described = new ArrayList<>();
        for (FilterField field : fields.all(eventTypes)) {
            Options options = switch (field.place()) {
                case GROUP -> groups;
                case SAVED_FILTER -> savedFilters;
                default -> new Options(choices(field));
            };
            described.add(new FieldMetadata(field.key(), label(field), kind(field), ConditionChecker.type(field),
                    operators(field), options.kept(), options.complete(), isColumn(field),
                    SortKey.isSortable(field.key())));
        }
        return described;
    }

    /** @return the count of options to read, to know whether there were more than can be listed */
    static int optionsToRead() {
        return FieldMetadata.MAX_OPTIONS + 1;
    }

    private static List<FieldMetadata.AllowedOperator> operators(FilterField field) {
        List<FieldMetadata.AllowedOperator> operators = new ArrayList<>();
        for (Operator operator : field.operators()) {
            operators.add(FieldMetadata.AllowedOperator.of(operator, ConditionChecker.valueType(field, operator)));
        }
        return operators;
    }

    /** The built-in choices (genders, statuses, stages), or a custom choice field's options. */
    private static List<FieldMetadata.Option> choices(FilterField field) {
        if (ConditionChecker.type(field) != FieldMetadata.ValueType.CHOICE) {
            return List.of();
        }
        List<String> values = field.custom().map(FieldDefinition::options).orElse(field.choices());
        return values.stream().map(value -> new FieldMetadata.Option(value, value)).toList();
    }

    private static String label(FilterField field) {
        return field.custom().map(FieldDefinition::label)
                .orElseGet(() -> FieldLabels.of(field.key()).orElseThrow(() -> new IllegalStateException(
                        "built-in field '" + field.key() + "' has no label")));
    }

    private static FieldMetadata.Kind kind(FilterField field) {
        return switch (field.place()) {
            case COLUMN, ADDRESS, VERIFIED -> FieldMetadata.Kind.BUILT_IN;
            case IDENTITY -> FieldMetadata.Kind.IDENTITY;
            case TAGS -> FieldMetadata.Kind.TAGS;
            case CUSTOM -> FieldMetadata.Kind.CUSTOM;
            case METRIC -> FieldMetadata.Kind.METRIC;
            case GROUP -> FieldMetadata.Kind.GROUP;
            case SAVED_FILTER -> FieldMetadata.Kind.SAVED_FILTER;
            case EVENTS -> FieldMetadata.Kind.EVENTS;
        };
    }

    /** Every active custom field is a column; of the built-in fields, those {@link ListColumns} can read. */
    private static boolean isColumn(FilterField field) {
        return field.custom().isPresent() || ListColumns.isBuiltIn(field.key());
    }
}
