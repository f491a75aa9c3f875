package io.crmkit.impl.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.api.io.ExportRequest;
import io.crmkit.api.io.FileFormat;
import io.crmkit.impl.filter.FilterJson;
import java.util.List;

/**
 * An export's request as stored with its job submitted into the database, so that any kit can run it.
 *
 * @param filter the filter as {@link FilterJson}, or null
 * @param view   the list view's name, or null
 */
record StoredExportRequest(FileFormat format, char delimiter, String filter, String keyword, List<String> columns,
                           String view) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String toJson(ExportRequest request) {
        try {
            return JSON.writeValueAsString(new StoredExportRequest(request.format(), request.delimiter(),
                    request.filter().map(FilterJson::toJson).orElse(null), request.keyword(), request.columns(),
                    request.view().orElse(null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an export request could not be written as JSON", e);
        }
    }

    static ExportRequest fromJson(String json) {
        StoredExportRequest stored;
        try {
            stored = JSON.readValue(json, StoredExportRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored export request is not readable: " + e.getMessage(), e);
        }
        ExportRequest.Builder builder = ExportRequest.builder(stored.format()).delimiter(stored.delimiter())
                .keyword(stored.keyword()).columns(stored.columns());
        if (stored.filter() != null) {
            builder.filter(FilterJson.parse(stored.filter()));
        }
        if (stored.view() != null) {
            builder.view(stored.view());
        }
        return builder.build();
    }
}
