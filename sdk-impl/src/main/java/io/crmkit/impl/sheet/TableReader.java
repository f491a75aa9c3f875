package io.crmkit.impl.sheet;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a {@link SheetReader} both formats share: finding the header, skipping blank rows and giving every
 * data row the header's width, and numbering the rows so that each number is above the one before. Subclasses only
 * produce the rows as the file has them.
 */
abstract class TableReader implements SheetReader {

    private List<String> header;
    private long lastNumber;
    private boolean closed;

    /**
     * @return the next row as the file has it (cells may end in blanks or be fewer than the header), or null
     *         after the last, also on every later call
     */
    abstract SheetRow readRow();

    /** Releases what the subclass holds; called once. */
    abstract void release();

    @Override
    public final List<String> header() {
        requireOpen();
        if (header == null) {
            SheetRow first = nextNonBlank();
            if (first == null) {
                throw FileProblem.of("empty", "the file has no rows: add a header row naming the columns, then the "
                        + "data rows");
            }
            header = List.copyOf(stripped(first.cells()));
        }
        return header;
    }

    @Override
    public final SheetRow next() {
        int width = header().size();
        SheetRow row = nextNonBlank();
        return row == null ? null : new SheetRow(row.number(), widened(row.cells(), width));
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the sheet reader is closed");
        }
    }

    /** @return the next row with a non-blank cell, numbered above the row before it; null after the last */
    private SheetRow nextNonBlank() {
        SheetRow row = readRow();
        while (row != null && lastNonBlank(row.cells()) < 0) {
            row = readRow();
        }
        if (row == null) {
            return null;
        }
        // An .xlsx may repeat a row number or go back (two rows r="7"); the reader's own count takes over there, so
        // that every row keeps a number of its own in reports and failure tables.
        lastNumber = Math.max(row.number(), lastNumber + 1);
        return row.number() == lastNumber ? row : new SheetRow(lastNumber, row.cells());
    }

    private static List<String> stripped(List<String> cells) {
        List<String> names = new ArrayList<>(cells.size());
        for (String cell : cells) {
            names.add(cell.strip());
        }
        while (names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        return names;
    }

    /** Pads the row to the header's width, and drops blank cells beyond it. */
    private static List<String> widened(List<String> cells, int width) {
        int length = Math.max(width, lastNonBlank(cells) + 1);
        List<String> row = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            row.add(i < cells.size() ? cells.get(i) : "");
        }
        return row;
    }

    private static int lastNonBlank(List<String> cells) {
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (!cells.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
