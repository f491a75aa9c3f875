package io.crmkit.api.io;

import io.crmkit.api.error.ValidationException;
import java.nio.file.Path;

/**
 * A file to import from: where it is, its format and, for CSV, its delimiter. The file must stay in place
 * until an import that reads it has finished; the kit reads it twice (once to count and check its rows, once to
 * import them) and never changes it.
 *
 * @param path      the file
 * @param format    its format; the kit checks that the content is what the format says
 * @param delimiter the CSV field delimiter (ignored for .xlsx and .xls): one of {@code , ; | TAB}
 */
public record ImportFile(Path path, FileFormat format, char delimiter) {

    /**
     * @param path      the file, readable when the import starts (field {@code file}, code {@code not_found},
     *                  otherwise); not null
     * @param format    its format; not null
     * @param delimiter the CSV field delimiter (ignored for .xlsx and .xls): one of {@code , ; | TAB}
     * @throws ValidationException on field {@code delimiter}, code {@code not_allowed}, for one other than {@code , ; | TAB};
     *                             on field {@code path} or {@code format}, code {@code required}, when it is null
     */
    public ImportFile {
        ValidationException.requireNonNull(path, "path");
        ValidationException.requireNonNull(format, "format");
        if (",;|\t".indexOf(delimiter) < 0) {
            throw ValidationException.of("delimiter", "not_allowed", String.format(java.util.Locale.ROOT,
                    "delimiter: one of , ; | or TAB, got U+%04X", (int) delimiter));
        }
    }

    /**
     * @param path the file, its name ending in {@code .xlsx}, {@code .xls} or {@code .csv} in any case
     * @return the file, in the format its name's extension says ({@code .xlsx}, {@code .xls} or {@code .csv}),
     *         comma-separated
     * @throws ValidationException on field {@code file}, code {@code invalid}, when the name ends in none; on
     *                             field {@code path}, code {@code required}, when it is null
     */
    public static ImportFile of(Path path) {
        ValidationException.requireNonNull(path, "path");
        FileFormat format = FileFormat.ofFileName(path.getFileName().toString()).orElseThrow(() ->
                ValidationException.of("file", "invalid", "file: " + path.getFileName() + " is not .xlsx, .xls or .csv; name the"
                        + " format with ImportFile.of(path, format)"));
        return new ImportFile(path, format, ',');
    }

    /**
     * @param path   the file, whatever its name
     * @param format its format
     * @return the file in the given format, comma-separated if CSV
     * @throws ValidationException on field {@code path} or {@code format}, code {@code required}, when it is null
     */
    public static ImportFile of(Path path, FileFormat format) {
        return new ImportFile(path, format, ',');
    }

    /**
     * @param delimiter one of {@code , ; | TAB}
     * @return this file read with another CSV delimiter
     * @throws ValidationException on field {@code delimiter}, code {@code not_allowed}, for any other
     */
    public ImportFile withDelimiter(char delimiter) {
        return new ImportFile(path, format, delimiter);
    }
}
