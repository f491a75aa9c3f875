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
     * The most characters of a row's cells, and of its reasons, stored for the report (twice the longest cell Excel
     * holds): a failed row, or the header, longer than that is stored cut, so that a failure takes bounded room in
     * memory and in the database however long the rows of a file are.
     */
    static final int STORED_CHARS = 65_536;

    private final SheetWriter writer;
    private int width;

    FailureReport(SheetWriter writer) {
        this.writer = writer;
    }

    /**
     * @return the texts (a row's cells, or its reasons) as they are stored: all of them, or when they hold more than
     *         {@value #STORED_CHARS} characters together, up to that many: the text that passes it cut, the texts
     *         after it empty
     */
    static List<String> stored(List<String> texts) {
        List<String> stored = new ArrayList<>(texts.size());
        int room = STORED_CHARS;
        for (String text : texts) {
            String kept = text.length() <= room ? text : text.substring(0, room);
            stored.add(kept);
            room -= kept.length();
        }
        return stored;
    }

    /** Writes the header (row {@value #HEADER_ROW}) or a failed row; the header comes first. */
    void write(ImportFailures.StoredFailure failure) {
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
