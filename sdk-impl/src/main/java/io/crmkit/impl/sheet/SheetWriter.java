package io.crmkit.impl.sheet;

import java.io.Closeable;
import java.util.List;

/**
 * Writes the rows of a table file, one by one, in bounded memory: an .xlsx workbook with one sheet, or a CSV
 * text. Get one from {@link SheetWriters}; call {@link #header} once, then {@link #row} for each data row, then
 * {@link #close}. Every value written as text is guarded against being run as a formula (see {@link CellText}).
 * Not thread-safe.
 *
 * <p>Calling {@code header} twice, {@code row} before {@code header}, or either after {@code close} throws
 * {@link IllegalStateException}. An error of the underlying stream is thrown as
 * {@link java.io.UncheckedIOException}, at the latest from {@code close}.
 */
public interface SheetWriter extends Closeable {

    /**
     * Writes the header row: bold, and frozen so it stays in view, in .xlsx. Call once, first.
     *
     * @param names the column names, at least one; written as text
     * @throws io.crmkit.api.error.ValidationException {@code too_many_columns} if an .xlsx sheet cannot hold
     *         that many columns (16,384), {@code cell_too_long} if a name is longer than an .xlsx cell holds
     *         (32,767 characters)
     * @throws IllegalArgumentException if {@code names} is empty
     */
    void header(List<String> names);

    /**
     * Writes a data row. Values: null -> empty; String (neutralized, see {@link CellText}); Long/Integer/Short/
     * BigDecimal/Double -> a number cell in xlsx, plain decimal text in CSV (no exponent); Boolean -> TRUE/FALSE
     * (boolean cell in xlsx); {@link java.time.LocalDate} -> yyyy-MM-dd (a date cell with that format in xlsx);
     * {@link java.time.Instant} -> UTC "yyyy-MM-dd HH:mm:ss" (a date-time cell in xlsx, UTC); a
     * {@link java.util.Collection} -> its elements' texts joined with "; " as one string cell; anything else ->
     * {@code String.valueOf}.
     *
     * <p>Where a value cannot be what its type asks for in .xlsx it becomes a text cell with the CSV text, so no
     * value is changed: an integer or BigDecimal of more than 15 significant digits (Excel would round it), a
     * date or instant outside Excel's years 1900 to 9999, and a NaN or infinite Double. Instants are written to
     * the second in both formats. The row may have fewer or more values than the header.
     *
     * @param values the row's values, in column order
     * @throws io.crmkit.api.error.ValidationException in .xlsx only: {@code too_many_rows} past 1,048,575 data
     *         rows, {@code too_many_columns} past 16,384 values, {@code cell_too_long} for a text longer than
     *         32,767 characters; nothing of the rejected row is written
     */
    void row(List<?> values);

    /** @return data rows written so far, the header not counted */
    long rows();

    /**
     * Finishes the file (the xlsx zip is written out here) and frees temporary files; does not close the caller's
     * OutputStream unless the writer was opened on a Path, but flushes it. Calling it again does nothing.
     *
     * @throws java.io.UncheckedIOException if the file cannot be written; temporary files are freed all the same
     */
    @Override
    void close();
}
