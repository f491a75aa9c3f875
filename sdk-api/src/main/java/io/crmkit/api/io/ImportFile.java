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
 * @param delimiter the CSV field delimiter (ignored for .xlsx): one of {@code , ; | TAB}
 */
public record ImportFile(Path path, FileFormat format, char delimiter) {

    /** @throws ValidationException on field {@code delimiter}, code {@code not_allowed}, for one other than {@code , ; | TAB} */
    public ImportFile {
        ValidationException.requireNonNull(path, "path");
        ValidationException.requireNonNull(format, "format");
        if (",;|\t".indexOf(delimiter) < 0) {
            throw ValidationException.of("delimiter", "not_allowed", String.format(java.util.Locale.ROOT,
                    "delimiter: one of , ; | or TAB, got U+%04X", (int) delimiter));
        }
    }

    /**
     * @return the file, in the format its name's extension says ({@code .xlsx} or {@code .csv}), comma-separated
     * @throws ValidationException on field {@code file}, code {@code invalid}, when the name ends in neither
     */
    public static ImportFile of(Path path) {
        ValidationException.requireNonNull(path, "path");
        FileFormat format = FileFormat.ofFileName(path.getFileName().toString()).orElseThrow(() ->
                ValidationException.of("file", "invalid", "file: " + path.getFileName() + " is neither .xlsx nor .csv; name the"
                        + " format with ImportFile.of(path, format)"));
        return new ImportFile(path, format, ',');
    }

    /** @return the file in the given format, comma-separated if CSV */
    public static ImportFile of(Path path, FileFormat format) {
        return new ImportFile(path, format, ',');
    }

    /** @return this file read with another CSV delimiter */
    public ImportFile withDelimiter(char delimiter) {
        return new ImportFile(path, format, delimiter);
    }
}
