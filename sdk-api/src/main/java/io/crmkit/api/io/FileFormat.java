package io.crmkit.api.io;

import java.util.Locale;
import java.util.Optional;

/** The file formats customers are imported from and exported to. */
public enum FileFormat {
    /** An Office Open XML workbook (Excel 2007 and later); the first sheet holds the rows. */
    XLSX("xlsx"),
    /** Comma-separated (or another delimiter) text in UTF-8, with a header row, fields quoted as RFC 4180 says. */
    CSV("csv");

    private final String extension;

    FileFormat(String extension) {
        this.extension = extension;
    }

    /** @return the file name extension, without the dot */
    public String extension() {
        return extension;
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
