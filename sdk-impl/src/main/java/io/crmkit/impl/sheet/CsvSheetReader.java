package io.crmkit.impl.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads UTF-8 CSV text as RFC 4180 describes it: fields split by the delimiter, fields in double quotes may hold
 * the delimiter, line breaks and doubled quotes; records end at CRLF, LF or CR. A byte-order mark is dropped. A
 * quote that opens a field is honoured; a quote anywhere else, or text after a closing quote, is kept as text, as
 * Excel does. Line breaks inside quoted fields are kept as written.
 *
 * <p>Memory holds one record: a field stops at {@code maxCellChars}, a record at {@code maxColumns} and at
 * {@code maxRowChars}, so not even an unterminated quote can read the whole file in.
 */
final class CsvSheetReader extends TableReader {

    private static final int NONE = -3;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Utf8Chars text;
    private final char delimiter;
    private final SheetLimits limits;
    private final StringBuilder field = new StringBuilder();
    private int lookahead = NONE;
    private long lineEnds;
    private boolean afterCarriageReturn;

    private CsvSheetReader(Utf8Chars text, char delimiter, SheetLimits limits) {
        this.text = text;
        this.delimiter = delimiter;
        this.limits = limits;
    }

    /**
     * @param file      a file already checked to hold text, not binary
     * @param delimiter the field separator; not a quote, CR or LF
     * @throws io.crmkit.api.error.ValidationException {@code encoding} when the first bytes are not UTF-8
     * @throws UncheckedIOException when the file cannot be read
     */
    static CsvSheetReader open(Path file, char delimiter, SheetLimits limits) {
        CsvSheetReader reader;
        try {
            reader = new CsvSheetReader(new Utf8Chars(Files.newInputStream(file)), delimiter, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            reader.skipByteOrderMark();
            return reader;
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    SheetRow readRow() {
        // A record that starts with a line end held in the lookahead is empty, so skipped, whatever its number.
        long line = lineEnds + 1;
        int c = read();
        if (c == Utf8Chars.END) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        long rowChars = 0;
        while (true) {
            c = readField(c, line, fields.size() + 1);
            if (fields.size() == limits.maxColumns()) {
                throw FileProblem.of("too_many_columns", "line " + line + ": at most " + limits.maxColumns()
                        + " columns, this row has more. Check the delimiter, or remove the extra columns");
            }
            rowChars += field.length();
            if (rowChars > limits.maxRowChars()) {
                throw FileProblem.rowTooLong("line " + line, limits.maxRowChars());
            }
            fields.add(field.toString());
            if (c != delimiter) {
                break;
            }
            c = read();
        }
        if (c == '\r') {
            skipLineFeed();
        }
        return new SheetRow(line, fields);
    }

    @Override
    void release() {
        text.close();
    }

    /**
     * Reads one field into {@link #field}, starting with its first character.
     *
     * @return the character after the field: the delimiter, CR, LF or END
     */
    private int readField(int first, long line, int column) {
        field.setLength(0);
        int c = first;
        if (c == '"') {
            c = readQuoted(line, column);
        }
        while (c != delimiter && c != '\n' && c != '\r' && c != Utf8Chars.END) {
            append(c, line, column);
            c = read();
        }
        return c;
    }

    /** Reads a quoted field's content after its opening quote; returns the character after the closing quote. */
    private int readQuoted(long line, int column) {
        long opened = lineEnds + 1;
        while (true) {
            int c = read();
            if (c == Utf8Chars.END) {
                throw FileProblem.of("malformed", "line " + opened + ", column " + column + ": a quoted field is "
                        + "never closed. Close it with a double quote, and double any quote inside it (\"\")");
            }
            if (c == '"') {
                c = read();
                if (c != '"') {
                    return c;
                }
            }
            append(c, line, column);
        }
    }

    private void append(int c, long line, int column) {
        if (field.length() == limits.maxCellChars()) {
            throw FileProblem.of("too_long", "line " + line + ", column " + column + ": a cell holds at most "
                    + limits.maxCellChars() + " characters, this one is longer (or a quote is never closed)");
        }
        field.append((char) c);
    }

    /** @return the next character, END at the end; counts line ends as they pass, CRLF once */
    private int read() {
        if (lookahead != NONE) {
            int c = lookahead;
            lookahead = NONE;
            return c;
        }
        int c = text.read();
        if (c == Utf8Chars.INVALID) {
            throw FileProblem.of("encoding", "line " + (lineEnds + 1) + ": the bytes are not valid UTF-8. Save the "
                    + "file as \"CSV UTF-8\"");
        }
        if (c == '\r' || (c == '\n' && !afterCarriageReturn)) {
            lineEnds++;
        }
        afterCarriageReturn = c == '\r';
        return c;
    }

    private void skipLineFeed() {
        int c = read();
        if (c != '\n') {
            lookahead = c;
        }
    }

    private void skipByteOrderMark() {
        int c = read();
        if (c != BYTE_ORDER_MARK) {
            lookahead = c;
        }
    }
}
