package io.crmkit.api.io;

import java.util.Locale;
import java.util.Optional;

/**
 * The file formats customers are imported from and exported to. Imports read every format; exports and import
 * failure reports are written as {@link #XLSX} or {@link #CSV} only ({@link #canWrite()}).
 *
 * <p>For the two Excel formats an import trusts the file's content over the format it claims: an .xls file that
 * is really an .xlsx workbook (or the other way round) is read as what it is. A CSV claim is never taken for a
 * workbook, nor a workbook for CSV.
 */
public enum FileFormat {
    /** An Office Open XML workbook (Excel 2007 and later); the first sheet holds the rows. */
    XLSX("xlsx"),
    /** Comma-separated (or another delimiter) text in UTF-8, with a header row, fields quoted as RFC 4180 says. */
    CSV("csv"),
    /**
     * An Excel 97-2003 binary workbook (BIFF8, as HubSpot, DM Hub and older Excel versions save it); the first sheet
     * holds the rows. Read by imports only: an export or failure report in this format is refused. Excel 95 and
     * older workbooks and encrypted ones are refused with a message saying how to save them.
     */
    XLS("xls");

    private final String extension;

    FileFormat(String extension) {
        this.extension = extension;
    }

    /** @return the file name extension, without the dot */
    public String extension() {
        return extension;
    }

    /** @return whether exports and failure reports can be written in this format: XLSX and CSV can, XLS cannot */
    public boolean canWrite() {
        return this != XLS;
    }

    /**
     * @param fileName a file name or path, such as {@code "customers.XLSX"}; null is treated as no name
     * @return the format a file name's extension names, ignoring case; empty for any other name
     */
    public static Optional<FileFormat> ofFileName(String fileName) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        for (FileFormat format : values()) {
            if (lower.endsWith("." + format.extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
