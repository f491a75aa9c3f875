package io.crmkit.api.io;

import java.util.List;
import java.util.Map;

/**
 * A first look at a file before importing it.
 *
 * @param headers   the header row's texts, in column order
 * @param suggested a suggested mapping, header text to field key, for the headers the kit recognized (by field
 *                  key or custom field name, ignoring case, spaces, dashes and underscores, and common synonyms
 *                  such as "customerName", "mobile", "cellPhone", "e-mail")
 * @param unmapped  the headers it did not recognize: map them to a custom field or leave them out to ignore them
 * @param sample    up to the first 5 data rows, cell texts in column order
 * @param fields    every field key a column may be mapped to, built-in then custom
 */
public record ImportPreview(List<String> headers, Map<String, String> suggested, List<String> unmapped,
                            List<List<String>> sample, List<String> fields) {

    /**
     * Copies the collections.
     *
     * @param headers   the header row's texts, in column order; not null
     * @param suggested a suggested mapping, header text to field key; may be empty; not null
     * @param unmapped  the headers the kit did not recognize; may be empty; not null
     * @param sample    up to the first 5 data rows; not null, nor a row or a cell in it
     * @param fields    every field key a column may be mapped to; not null
     * @throws NullPointerException when a collection or an element is null
     */
    public ImportPreview {
        headers = List.copyOf(headers);
        suggested = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(suggested));
        unmapped = List.copyOf(unmapped);
        sample = sample.stream().map(List::copyOf).toList();
        fields = List.copyOf(fields);
    }
}
