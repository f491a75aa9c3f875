package io.crmkit.impl.io;

import io.crmkit.impl.sheet.SheetWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an import's failure report: the file's header and, for each failed row, its original cells, its row
 * number and its reasons (cells beyond the header, which the import ignored, are left out; a very long row is
 * stored cut, see {@link #stored}). The header is stored among the failures as row {@value #HEADER_ROW}, which no data
 * row can have: readers number every data row above the header. Not thread-safe.
 */
final class FailureReport {

    /** The row number under which an import stores its file's header. */
    static final long HEADER_ROW = 1;
    /**
     * The most characters of a row's cells stored for the report (twice the longest cell Excel holds): a failed
     * row, or the header, longer than that is stored cut, so that a failure takes bounded room in memory and in the
     * database however long the rows a file holds.
     */
    static final int STORED_CHARS = 65_536;

    private final SheetWriter writer;
    private int width;

    FailureReport(SheetWriter writer) {
        this.writer = writer;
    }

    /**
     * @return the cells as they are stored: all of them, or for a row longer than {@value #STORED_CHARS}
     *         characters its cells up to that many, the cell that passes it cut and the cells after it empty
     */
    static List<String> stored(List<String> cells) {
        List<String> stored = new ArrayList<>(cells.size());
        int room = STORED_CHARS;
        for (String cell : cells) {
            String kept = cell.length() <= room ? cell : cell.substring(0, room);
            stored.add(kept);
            room -= kept.length();
        }
        return stored;
    }

    /** Writes the header (row {@value #HEADER_ROW}) or a failed row; the header comes first. */
    void write(TransferJobStore.StoredFailure failure) {
        if (failure.row() == HEADER_ROW) {
            width = failure.cells().size();
            List<String> header = new ArrayList<>(failure.cells());
            header.add("Row");
            header.add("Reasons");
            writer.header(header);
            return;
        }
        List<Object> cells = new ArrayList<>(failure.cells().subList(0, Math.min(width, failure.cells().size())));
        while (cells.size() < width) {
            cells.add("");
        }
        cells.add(failure.row());
        cells.add(String.join("; ", failure.reasons()));
        writer.row(cells);
    }
}
