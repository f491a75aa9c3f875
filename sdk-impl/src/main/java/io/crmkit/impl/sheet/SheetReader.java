package io.crmkit.impl.sheet;

import java.io.Closeable;
import java.util.List;

/**
 * A stream of the rows of a table file: its header row, then its data rows. Not thread-safe.
 *
 * <p>Rows come out one at a time and are not kept, so memory does not grow with the number of rows. Every
 * problem with the file's content surfaces as an {@link io.crmkit.api.error.ValidationException} with field
 * {@code "file"}, a code (listed on {@link SheetReaders#open}) and a message naming the row and the limit; an I/O
 * failure of the file itself as an {@link java.io.UncheckedIOException}.
 */
public interface SheetReader extends Closeable {

    /**
     * Reads the header on the first call and returns the same list afterwards.
     *
     * @return the header cells, stripped of surrounding white space; trailing empty header cells dropped. The
     *         header is the first row that has a non-blank cell. Immutable.
     * @throws io.crmkit.api.error.ValidationException code {@code "empty"} if the file has no non-blank row at all,
     *         or any code of {@link SheetReaders#open} for a problem in the rows read so far
     * @throws IllegalStateException after {@link #close()}
     */
    List<String> header();

    /**
     * Reads the header first if {@link #header()} has not been called yet.
     *
     * @return the next data row, or null after the last (and on every later call). Rows whose cells are all blank
     *         are skipped. Row numbers strictly increase, the header's included: a row whose number in the file is
     *         not above the previous row's (an .xlsx repeating a row number, or going back) is numbered the
     *         previous row's number plus one.
     * @throws io.crmkit.api.error.ValidationException for a problem in the row (codes on {@link SheetReaders#open});
     *         the reader should then be closed
     * @throws IllegalStateException after {@link #close()}
     */
    SheetRow next();

    /** Releases the file. Idempotent; never throws a checked exception. */
    @Override
    void close();
}
