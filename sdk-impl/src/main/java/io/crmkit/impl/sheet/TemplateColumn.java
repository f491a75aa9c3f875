package io.crmkit.impl.sheet;

import java.util.List;
import java.util.Objects;

/**
 * One column of an import template (see {@link TemplateWriter}).
 *
 * @param header the column's header text; not blank
 * @param example a sample value for the example row; null is read as "" (no example)
 * @param note a one-line rule shown on the instructions sheet and in the header's comment (e.g. "required; 1 to
 *        80 characters"); null is read as "" (no rule)
 * @param required whether it is mandatory
 * @param choices the allowed values, if any (empty list otherwise; null is read as empty); copied
 */
public record TemplateColumn(String header, String example, String note, boolean required, List<String> choices) {

    /** @throws IllegalArgumentException if the header, or one of the choices, is null or blank */
    public TemplateColumn {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("a template column needs a header, got " + header);
        }
        example = Objects.requireNonNullElse(example, "");
        note = Objects.requireNonNullElse(note, "");
        if (choices != null && choices.stream().anyMatch(choice -> choice == null || choice.isBlank())) {
            throw new IllegalArgumentException("column " + header + ": a choice is null or blank, in " + choices);
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
