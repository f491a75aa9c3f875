package io.crmkit.impl.sheet;

import io.crmkit.api.error.ValidationException;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Writes CSV as RFC 4180 says, in UTF-8 starting with a byte order mark (so Excel reads it as UTF-8), lines
 * ended by CRLF. A field is quoted when it holds the file's delimiter, any other delimiter a spreadsheet may split
 * on ({@code , ; | TAB}), a quote, CR or LF, and its quotes are doubled: a spreadsheet that opens the file with
 * another delimiter than it was written with still sees one cell. Formula starts are guarded by {@link CellText}
 * at the start of the text and after each of those characters.
 * Output is buffered; nothing is kept per row.
 */
final class CsvSheetWriter implements SheetWriter {

    private static final int BUFFER_CHARS = 64 * 1024;
    private static final char QUOTE = '"';

    private final Writer writer;
    private final OutputStream out;
    private final boolean closeOut;
    private final char delimiter;
    /** The line being written, reused. */
    private final StringBuilder line = new StringBuilder(256);
    private long rows;
    private boolean headerWritten;
    private boolean closed;

    /**
     * @param closeOut whether {@link #close} closes {@code out} (else it flushes it)
     * @throws ValidationException {@code bad_delimiter} if the delimiter is a quote, CR or LF
     */
    CsvSheetWriter(OutputStream out, boolean closeOut, char delimiter) {
        checkDelimiter(delimiter);
        this.out = out;
        this.closeOut = closeOut;
        this.delimiter = delimiter;
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS);
        write("\uFEFF");
    }

    /** @throws ValidationException {@code bad_delimiter} if the delimiter is a quote, CR or LF */
    static void checkDelimiter(char delimiter) {
        if (delimiter == QUOTE || delimiter == '\r' || delimiter == '\n') {
            throw ValidationException.of("file", "bad_delimiter", String.format(Locale.ROOT,
                    "file: a CSV delimiter cannot be a quote, CR or LF, got U+%04X; use ',', ';', TAB or '|'",
                    (int) delimiter));
        }
    }

    @Override
    public void header(List<String> names) {
        requireOpen();
        if (headerWritten) {
            throw new IllegalStateException("the header is already written; call header() once, first");
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a header needs at least one column");
        }
        line(names);
        headerWritten = true;
    }

    @Override
    public void row(List<?> values) {
        requireOpen();
        if (!headerWritten) {
            throw new IllegalStateException("write the header before the first row");
        }
        line(values);
        rows++;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Closeable target = closeOut ? out : out::flush) {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the CSV file", e);
        }
    }

    private void line(List<?> values) {
        StringBuilder line = this.line;
        line.setLength(0);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(delimiter);
            }
            appendField(line, CellText.of(values.get(i)));
        }
        write(line.append("\r\n").toString());
    }

    private void appendField(StringBuilder line, String text) {
        if (!needsQuotes(text)) {
            line.append(text);
            return;
        }
        line.append(QUOTE);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == QUOTE) {
                line.append(QUOTE);
            }
            line.append(c);
        }
        line.append(QUOTE);
    }

    private boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == delimiter || c == QUOTE || CellText.isSeparator(c)) {
                return true;
            }
        }
        return false;
    }

    private void write(String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the CSV file", e);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the writer is closed");
        }
    }
}
