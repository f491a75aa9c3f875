package io.crmkit.impl.address;

import io.crmkit.api.error.ConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a directory CSV into lines of cells, RFC 4180 style within a line: cells split by commas; a cell that
 * starts with a double quote may hold commas and doubled quotes. A line ends at CRLF, LF or CR; a quoted cell may
 * not hold a line break. A byte-order mark before the first line is dropped. Memory holds one line of at most
 * {@link #MAX_LINE_CHARS} characters, so a file without line breaks cannot fill the heap.
 */
final class CsvLines {

    static final int MAX_LINE_CHARS = 1_000;

    private final Reader reader;
    private final StringBuilder line = new StringBuilder();
    private long number;
    private int lookahead = -2;
    private boolean inLine;

    CsvLines(Reader reader) {
        this.reader = reader;
    }

    /** @return the number of the line {@link #next} returned last, from 1 */
    long number() {
        return number;
    }

    /**
     * @return the cells of the next line, not trimmed; null at the end of the text
     * @throws ConfigurationException on {@code addressDirectory} for a line that is too long, a quote out of place,
     *                                or text that cannot be read
     */
    List<String> next() {
        line.setLength(0);
        int c = read();
        if (c == -1) {
            return null;
        }
        number++;
        inLine = true;
        if (number == 1 && c == '\uFEFF') {
            c = read();
        }
        while (c != -1 && c != '\n' && c != '\r') {
            if (line.length() == MAX_LINE_CHARS) {
                throw AddressCsv.problem("line " + number + ": longer than " + MAX_LINE_CHARS + " characters");
            }
            line.append((char) c);
            c = read();
        }
        if (c == '\r') {
            int after = read();
            if (after != '\n') {
                lookahead = after;
            }
        }
        inLine = false;
        return cells();
    }

    private List<String> cells() {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (true) {
            cell.setLength(0);
            int column = cells.size() + 1;
            if (i < line.length() && line.charAt(i) == '"') {
                i = quoted(i + 1, cell, column);
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    if (line.charAt(i) == '"') {
                        throw AddressCsv.problem("line " + number + ", cell " + column + ": a quote inside an"
                                + " unquoted cell; quote the whole cell and double the quote");
                    }
                    cell.append(line.charAt(i++));
                }
            }
            cells.add(cell.toString());
            if (i >= line.length()) {
                return cells;
            }
            i++;
        }
    }

    /** @return the index after the closing quote, at a comma or the line's end */
    private int quoted(int start, StringBuilder cell, int column) {
        int i = start;
        while (true) {
            if (i >= line.length()) {
                throw AddressCsv.problem("line " + number + ", cell " + column + ": the quoted cell is not closed on"
                        + " its line (cells may not hold line breaks)");
            }
            char c = line.charAt(i++);
            if (c != '"') {
                cell.append(c);
            } else if (i < line.length() && line.charAt(i) == '"') {
                cell.append('"');
                i++;
            } else if (i < line.length() && line.charAt(i) != ',') {
                throw AddressCsv.problem("line " + number + ", cell " + column + ": text after the closing quote");
            } else {
                return i;
            }
        }
    }

    private int read() {
        if (lookahead != -2) {
            int c = lookahead;
            lookahead = -2;
            return c;
        }
        try {
            return reader.read();
        } catch (IOException e) {
            throw new ConfigurationException("addressDirectory", null, "cannot read the CSV at line " + (inLine ? number : number + 1)
                    + " (" + e.getMessage() + "); it must be UTF-8 text", e);
        }
    }
}
