package io.crmkit.impl.io;

import io.crmkit.impl.sheet.SheetWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an import's failure report: the file's header and, for each failed row, its original cells, its row
 * number and its reasons (cells beyond the header, which the import ignored, are left out). The header is stored among the failures as row {@value #HEADER_ROW}, which no data
 * row can have. Not thread-safe.
 */
final class FailureReport {

    /** The row number under which an import stores its file's header. */
    static final long HEADER_ROW = 1;

    private final SheetWriter writer;
    private int width;

    FailureReport(SheetWriter writer) {
        this.writer = writer;
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
