package io.crmkit.impl.sheet;

import io.crmkit.api.error.ValidationException;
import io.crmkit.api.io.FileFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Opens a {@link SheetWriter} for a file format: XLSX or CSV; XLS is read only ({@link FileFormat#canWrite()}). */
public final class SheetWriters {

    private SheetWriters() {
    }

    /**
     * Opens a writer on the caller's stream; the writer's {@code close} flushes the stream but leaves it open.
     *
     * @param out where the file's bytes go
     * @param format the file format
     * @param delimiter for CSV the character between fields (',' ';' TAB '|' ...); ignored for xlsx
     * @return a writer that expects its header next
     * @throws io.crmkit.api.error.ValidationException {@code bad_delimiter} if a CSV delimiter is a quote, CR or LF;
     *         on field {@code format}, code {@code not_allowed}, for XLS
     * @throws RuntimeException from POI if the xlsx writer's temporary file cannot be created
     */
    public static SheetWriter open(OutputStream out, FileFormat format, char delimiter) {
        Objects.requireNonNull(out, "out");
        requireWritable(format);
        return open(out, false, format, delimiter);
    }

    /**
     * Opens a writer on a file, created or emptied now; the writer's {@code close} closes the file. If writing
     * fails the file is left incomplete: delete it.
     *
     * @param file the file to write
     * @param format the file format
     * @param delimiter for CSV the character between fields (',' ';' TAB '|' ...); ignored for xlsx
     * @return a writer that expects its header next
     * @throws io.crmkit.api.error.ValidationException {@code bad_delimiter} if a CSV delimiter is a quote, CR or LF;
     *         on field {@code format}, code {@code not_allowed}, for XLS (the file is not created then)
     * @throws java.io.UncheckedIOException if the file cannot be created; a RuntimeException from POI if the xlsx
     *         writer's temporary file cannot be created
     */
    public static SheetWriter open(Path file, FileFormat format, char delimiter) {
        Objects.requireNonNull(file, "file");
        requireWritable(format);
        if (format == FileFormat.CSV) {
            CsvSheetWriter.checkDelimiter(delimiter);
        }
        OutputStream out;
        try {
            out = new BufferedOutputStream(Files.newOutputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + file, e);
        }
        try {
            return open(out, true, format, delimiter);
        } catch (RuntimeException e) {
            closeAfterFailure(out, e);
            throw e;
        }
    }

    private static SheetWriter open(OutputStream out, boolean closeOut, FileFormat format, char delimiter) {
        return switch (Objects.requireNonNull(format, "format")) {
            case XLSX -> new XlsxSheetWriter(out, closeOut);
            case CSV -> new CsvSheetWriter(out, closeOut, delimiter);
            case XLS -> throw readOnly(format);
        };
    }

    private static void requireWritable(FileFormat format) {
        if (!Objects.requireNonNull(format, "format").canWrite()) {
            throw readOnly(format);
        }
    }

    private static ValidationException readOnly(FileFormat format) {
        return ValidationException.of("format", "not_allowed", "format: files are written as XLSX or CSV; " + format
                + " is read by imports only");
    }

    private static void closeAfterFailure(OutputStream out, RuntimeException failure) {
        try {
            out.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
