package io.crmkit.impl.io;

import io.crmkit.api.error.ValidationException;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.validation.Errors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which field each column of a file fills: the request's mapping checked against the file's header and the
 * tenant's fields. Immutable.
 */
final class ColumnPlan {

    private final String[] targets;
    private final List<String> header;

    private ColumnPlan(String[] targets, List<String> header) {
        this.targets = targets;
        this.header = Collections.unmodifiableList(new ArrayList<>(header));
    }

    /**
     * @param mapping header text to target; empty for the suggested mapping
     * @throws ValidationException naming each mapped header the file lacks, each unknown target, each
     *                             single-valued target mapped twice, or a mapping that fills no field
     */
    static ColumnPlan resolve(List<String> header, Map<String, String> mapping, TenantFields fields) {
        Map<String, String> effective = mapping.isEmpty() ? ImportTargets.suggest(header, fields) : mapping;
        Errors errors = new Errors();
        String[] targets = new String[header.size()];
        Set<String> single = new HashSet<>();
        effective.forEach((column, target) -> {
            String path = "mapping." + column;
            int index = header.indexOf(column);
            if (index < 0) {
                errors.add(path, "unknown_column", "the file has no column '" + column + "'; its columns"
                        + " are " + header);
            } else if (!ImportTargets.isTarget(target, fields)) {
                errors.add(path, "unknown_field", "'" + target + "' is neither a built-in field ("
                        + String.join(", ", ImportTargets.BUILT_IN) + ") nor an active custom field");
            } else if (!ImportTargets.MULTI_VALUED.contains(target) && !single.add(target)) {
                errors.add(path, "duplicate", "another column already fills '" + target + "'; only "
                        + ImportTargets.MULTI_VALUED + " take several columns");
            } else {
                targets[index] = target;
            }
        });
        if (errors.isEmpty() && Arrays.stream(targets).allMatch(target -> target == null)) {
            errors.add("mapping", "required", "no column of the file is mapped to a field; its columns are "
                    + header + ", the fields are " + ImportTargets.all(fields));
        }
        errors.throwIfAny();
        return new ColumnPlan(targets, header);
    }

    /** @return the target of a column, or null when it is ignored or beyond the header */
    String target(int column) {
        return column < targets.length ? targets[column] : null;
    }

    /** @return the header text of a column, for messages; "" beyond the header */
    String header(int column) {
        return column < header.size() ? header.get(column) : "";
    }

    /** @return the number of columns of the header */
    int width() {
        return targets.length;
    }
}
