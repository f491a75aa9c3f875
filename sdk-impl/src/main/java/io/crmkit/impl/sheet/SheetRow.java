package io.crmkit.impl.sheet;

import java.util.List;

/**
 * One data row of a table file.
 *
 * @param number the row's 1-based number as the user sees it (Excel row number; CSV record's first line number),
 *               above the number of every row before it (see {@link SheetReader#next()})
 * @param cells  the cell texts, index = column index (0-based, same as header); "" for an empty cell; the list is
 *               as long as the header or longer when the row has extra non-empty cells; never null elements.
 *               Copied, so the row is immutable.
 */
public record SheetRow(long number, List<String> cells) {

    /** Copies the cells; rejects a null list or element with a NullPointerException. */
    public SheetRow {
        cells = List.copyOf(cells);
    }
}
