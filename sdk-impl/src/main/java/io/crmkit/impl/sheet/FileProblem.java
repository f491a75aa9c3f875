package io.crmkit.impl.sheet;

import io.crmkit.api.error.ValidationException;

/** Builds the errors a user sees about an uploaded file: field {@code "file"}, messages starting with "file: ". */
final class FileProblem {

    private FileProblem() {
    }

    /**
     * @param code    short machine-readable reason, such as {@code "too_long"}
     * @param message what is wrong, where, the limit and what to do, without the "file: " prefix
     */
    static ValidationException of(String code, String message) {
        return ValidationException.of("file", code, "file: " + message);
    }

    /**
     * @param where   the row, such as "row 7" or "line 7"
     * @param maxChars {@link SheetLimits#maxRowChars()}
     * @return {@code too_long} for a row whose cells together hold more than maxChars characters
     */
    static ValidationException rowTooLong(String where, long maxChars) {
        return of("too_long", where + ": a row holds at most " + maxChars + " characters, all its cells together, "
                + "this one holds more. Shorten its cells, or import the long texts another way");
    }

    /**
     * @param row        the 1-based row
     * @param maxColumns {@link SheetLimits#maxColumns()}
     * @return {@code too_many_columns} for a workbook cell beyond the last column allowed
     */
    static ValidationException tooManyColumns(long row, int maxColumns) {
        return of("too_many_columns", "row " + row + ": at most " + maxColumns + " columns (A to "
                + SheetXmlRows.columnName(maxColumns - 1) + "), this row has a cell further right. Remove the extra "
                + "columns");
    }

    /**
     * @param row      the 1-based row
     * @param column   the 0-based column
     * @param maxChars {@link SheetLimits#maxCellChars()}
     * @return {@code too_long} for a workbook cell longer than allowed
     */
    static ValidationException cellTooLong(long row, int column, int maxChars) {
        return of("too_long", "row " + row + ", column " + SheetXmlRows.columnName(column) + ": a cell holds at most "
                + maxChars + " characters, this one is longer");
    }

    /**
     * @param code {@code not_xls} or {@code not_xlsx}, after the format the file claims
     * @return the problem of an Excel 5 or 95 (or older) workbook, which is not read
     */
    static ValidationException excel95(String code) {
        return of(code, "this is an Excel 95 or older workbook, which is not read. Open it in Excel and save it as "
                + "\"Excel Workbook (.xlsx)\"");
    }

    /** @return {@code encrypted} for a workbook that needs a password to open */
    static ValidationException encrypted() {
        return of("encrypted", "this workbook is encrypted (protected with a password). Open it in Excel, remove the "
                + "password (File > Info > Protect Workbook > Encrypt with Password) and save it again");
    }
}
