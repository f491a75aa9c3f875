package io.crmkit.impl.sheet;

import io.crmkit.api.error.ValidationException;
import io.crmkit.api.io.FileFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens table files for reading, after checking they are what they claim to be.
 *
 * <p>Every problem with a file's content is a {@link ValidationException} with field {@code "file"} and one of
 * these codes, raised by {@code open} or later by the reader; the message names the row or line, the column, the
 * limit and what to do:
 * <ul>
 * <li>{@code empty}: the file is 0 bytes, or (from {@link SheetReader#header()}) has no non-blank row;</li>
 * <li>{@code too_large}: the file is over {@link SheetLimits#maxFileBytes()}, or a workbook's shared-strings table
 *     over {@link SheetLimits#maxSharedStringsChars()};</li>
 * <li>{@code not_xlsx} (claimed .xlsx) or {@code not_xls} (claimed .xls): neither a zip archive nor an Office
 *     97-2003 file (text, random bytes), an Excel 95 or older workbook, an Office 97-2003 file that is no workbook
 *     (Word, PowerPoint), an OpenDocument file, a .xlsb, a Strict Open XML or non-Excel Office file;</li>
 * <li>{@code encrypted}: a workbook, .xlsx or .xls, that is encrypted (needs a password to open);</li>
 * <li>{@code not_csv}: claimed CSV but is a zip (such as an .xlsx) or binary (NUL bytes in the first 8 KiB);</li>
 * <li>{@code unsafe}: an .xlsx that looks built to attack: an entry inflating past
 *     {@link SheetLimits#maxUncompressedBytes()} (declared or counted while reading), past the size it declares, or
 *     more than 100 times its compressed size, a package part POI parses whole over
 *     {@link SheetLimits#maxPackagePartBytes()}, more than 1000 entries, a DOCTYPE or entity declaration, XML nested
 *     over 100 levels, or an XML stretch (tag, comment, text without markup) far longer than any allowed cell; an
 *     .xls container with more than 1000 directory entries; a workbook with more than 65,536 cell or number
 *     formats;</li>
 * <li>{@code malformed}: a CSV quote never closed, an .xlsx whose XML or structure is broken, or an .xls whose
 *     container or records are damaged or cut short (its header declaring more allocation sectors than its size
 *     can use among them);</li>
 * <li>{@code encoding}: CSV bytes that are not UTF-8 (or UTF-16 text);</li>
 * <li>{@code too_many_columns}: a cell beyond {@link SheetLimits#maxColumns()};</li>
 * <li>{@code too_long}: a cell longer than {@link SheetLimits#maxCellChars()}, or a row whose cells together are
 *     longer than {@link SheetLimits#maxRowChars()}.</li>
 * </ul>
 * An I/O failure of the file itself is an {@link UncheckedIOException}.
 */
public final class SheetReaders {

    private SheetReaders() {
    }

    /**
     * Opens a file, checking that its content is the format it claims, then returns a reader positioned before the
     * header. For the Excel formats the content decides: an Office 97-2003 (OLE2) file is read as an .xls, a zip
     * as an .xlsx, whichever of the two the file claims (an .xls renamed .xlsx, or the other way round, is read);
     * the first sheet (the leftmost tab, hidden or not) holds the rows. A CSV must be text, read as UTF-8 with the
     * given delimiter.
     *
     * @param file      the file to read; the caller keeps ownership and may delete it after closing the reader
     * @param format    the format the file claims to be, usually from its name
     * @param delimiter the CSV field separator, such as ',' ';' '\t' or '|'; ignored for .xlsx and .xls
     * @param limits    what the reader accepts, such as {@link SheetLimits#defaults()}
     * @return an open reader; the caller closes it
     * @throws ValidationException with field {@code "file"} and a code listed on this class; or with field
     *         {@code "delimiter"}, code {@code "invalid_delimiter"}, for a CSV delimiter that is a quote, CR or LF
     * @throws io.crmkit.api.error.LimitExceededException for a workbook whose shared strings do not fit in what the
     *         workbooks being read at the same moment leave of this JVM's share for them (heap / 6)
     * @throws UncheckedIOException when the file cannot be read
     */
    public static SheetReader open(Path file, FileFormat format, char delimiter, SheetLimits limits) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(limits, "limits");
        requireSize(file, limits);
        FileSignature signature = FileSignature.of(file);
        if (format == FileFormat.CSV) {
            signature.requireCsv();
            requireDelimiter(delimiter);
            return CsvSheetReader.open(file, delimiter, limits);
        }
        String notExcel = "not_" + format.extension();
        if (signature.isOle2()) {
            return XlsSheetReader.open(file, limits, notExcel);
        }
        signature.requireZip(notExcel);
        return XlsxSheetReader.open(file, limits);
    }

    private static void requireSize(Path file, SheetLimits limits) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size == 0) {
            throw FileProblem.of("empty", "the file is empty (0 bytes)");
        }
        if (size > limits.maxFileBytes()) {
            throw FileProblem.of("too_large", "at most " + limits.maxFileBytes() + " bytes, this file has " + size
                    + ". Split it into smaller files");
        }
    }

    private static void requireDelimiter(char delimiter) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw ValidationException.of("delimiter", "invalid_delimiter", "delimiter: a CSV delimiter cannot be a "
                    + "double quote or a line break, got " + (int) delimiter + " (character code)");
        }
    }
}
