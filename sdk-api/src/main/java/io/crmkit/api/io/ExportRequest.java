package io.crmkit.api.io;

import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import java.util.List;
import java.util.Optional;

/**
 * What to export: the customers of a filter and keyword (or all), in id order, with chosen columns. Built with
 * {@link #builder(FileFormat)}.
 *
 * <p>Columns are list-view column keys: built-in fields ({@code id name nickname gender birthday company country
 * province city area addressDetail remark avatarUrl source ownerId status stage phones emails channels externalId
 * wechatOpenId tags verified createdAt createdBy updatedAt updatedBy}) and custom field keys. Several phones,
 * emails or tags go in one cell separated by "; ". No columns and no view means every built-in column, then every
 * active custom field.
 *
 * @param format    the file format: {@link FileFormat#XLSX} or {@link FileFormat#CSV} (an export is never written as
 *                  {@link FileFormat#XLS})
 * @param delimiter the CSV delimiter
 * @param filter    which customers; empty for all
 * @param keyword   the search box's keyword, "" for none
 * @param columns   the columns, in order
 * @param view      a saved list view's name whose columns to use (instead of {@code columns})
 */
public record ExportRequest(FileFormat format, char delimiter, Optional<Filter> filter, String keyword,
                            List<String> columns, Optional<String> view) {

    /**
     * Copies the columns. Columns and view are checked when the export starts ({@code columns[index]} for an
     * unknown or repeated column, {@code view} for a view the actor does not have).
     *
     * @param format    the file format, XLSX or CSV; not null
     * @param delimiter the CSV delimiter (ignored for .xlsx)
     * @param filter    which customers; empty for all; not null
     * @param keyword   the search box's keyword, 0 to 255 characters; "" for none; not null
     * @param columns   the column keys, in order; empty for the view's or every column; neither the list nor a key
     *                  may be null
     * @param view      a saved list view's name whose columns to use; empty for none; not null
     * @throws ValidationException on field {@code columns}, code {@code not_allowed}, when both columns and a view
     *                             are given; code {@code required} on the field of a null component
     *                             ({@code columns[index]} for a null key); on field {@code format}, code
     *                             {@code not_allowed}, for {@link FileFormat#XLS}
     */
    public ExportRequest {
        requireWritable(format);
        ValidationException.requireNonNull(filter, "filter");
        ValidationException.requireNonNull(keyword, "keyword");
        columns = ValidationException.requireNoNulls(columns, "columns");
        ValidationException.requireNonNull(view, "view");
        if (!columns.isEmpty() && view.isPresent()) {
            throw ValidationException.of("columns", "not_allowed", "columns: name columns or a view, not both");
        }
    }

    /**
     * @param format the file format, XLSX or CSV
     * @return a builder exporting every customer with every column, comma-separated if CSV
     * @throws ValidationException on field {@code format}, code {@code required}, when it is null; code
     *                             {@code not_allowed} for {@link FileFormat#XLS}
     */
    public static Builder builder(FileFormat format) {
        return new Builder(format);
    }

    /** Refuses a null format, and one that is read only ({@link FileFormat#canWrite()}). */
    private static FileFormat requireWritable(FileFormat format) {
        ValidationException.requireNonNull(format, "format");
        if (!format.canWrite()) {
            throw ValidationException.of("format", "not_allowed", "format: files are written as XLSX or CSV; "
                    + format + " is read by imports only");
        }
        return format;
    }

    /** Builds an {@link ExportRequest}. Not thread-safe. */
    public static final class Builder {
        private final FileFormat format;
        private char delimiter = ',';
        private Filter filter;
        private String keyword = "";
        private List<String> columns = List.of();
        private String view;

        private Builder(FileFormat format) {
            this.format = requireWritable(format);
        }

        /**
         * @param delimiter the CSV delimiter: one of {@code , ; | TAB}
         * @return this builder
         * @throws ValidationException on field {@code delimiter}, code {@code not_allowed}, for any other
         */
        public Builder delimiter(char delimiter) {
            if (",;|\t".indexOf(delimiter) < 0) {
                throw ValidationException.of("delimiter", "not_allowed", String.format(java.util.Locale.ROOT,
                        "delimiter: one of , ; | or TAB, got U+%04X", (int) delimiter));
            }
            this.delimiter = delimiter;
            return this;
        }

        /**
         * @param filter which customers to export
         * @return this builder
         * @throws ValidationException on field {@code filter}, code {@code required}, when it is null
         */
        public Builder filter(Filter filter) {
            this.filter = ValidationException.requireNonNull(filter, "filter");
            return this;
        }

        /**
         * @param keyword the search box's keyword, 0 to 255 characters
         * @return this builder
         * @throws ValidationException on field {@code keyword}, code {@code required}, when it is null
         */
        public Builder keyword(String keyword) {
            this.keyword = ValidationException.requireNonNull(keyword, "keyword");
            return this;
        }

        /**
         * @param columns the column keys, in order (see the type's description)
         * @return this builder
         * @throws ValidationException code {@code required}, on field {@code columns} when it is null, on
         *                             {@code columns[index]} for a null key
         */
        public Builder columns(List<String> columns) {
            this.columns = ValidationException.requireNoNulls(columns, "columns");
            return this;
        }

        /**
         * @param viewName the name of one of the actor's list views whose columns to export
         * @return this builder
         * @throws ValidationException on field {@code viewName}, code {@code required}, when it is null
         */
        public Builder view(String viewName) {
            this.view = ValidationException.requireNonNull(viewName, "viewName");
            return this;
        }

        /** @return the request */
        public ExportRequest build() {
            return new ExportRequest(format, delimiter, Optional.ofNullable(filter), keyword, columns,
                    Optional.ofNullable(view));
        }
    }
}
