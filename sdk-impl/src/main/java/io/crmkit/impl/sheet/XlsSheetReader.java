package io.crmkit.impl.sheet;

import io.crmkit.api.error.CrmException;
import io.crmkit.api.error.ValidationException;
import java.nio.file.Path;

/**
 * Reads the first sheet (the leftmost tab, hidden or not) of an Excel 97-2003 (.xls, BIFF8) workbook as a stream of
 * rows, with memory bounded by the limits rather than the number of rows or the size of the file.
 *
 * <p>The workbook is read with POI's HSSF record layer, but not its whole-stream event factory: the records are
 * pulled one at a time ({@link XlsRecords}), so rows come out as {@link #next()} asks for them, without a thread;
 * the records the reader does not need (drawings, pictures, formatting, other sheets) are skipped, not parsed or
 * joined; and the shared strings are read into a compact {@link SharedStrings} up to
 * {@link SheetLimits#maxSharedStringsChars()} in the JVM's {@link TableMemory} (POI's own SST record keeps several
 * objects per string, which a table of millions of tiny strings would turn into an OutOfMemoryError). Memory holds
 * the container's allocation tables and directory (read by POIFS, bounded by the file size limit), the shared
 * strings, one bit per cell format and one row.
 *
 * <p>Cell texts are those of the .xlsx reader ({@link XlsSheetRows}). Refused: Excel 95 and older workbooks,
 * encrypted ones (even with Excel's default password), damaged or cut-short ones; every problem is a
 * {@link ValidationException} with field "file", never a POI exception.
 */
final class XlsSheetReader extends TableReader {

    private final XlsWorkbook workbook;
    private final XlsGlobals globals;
    private final XlsSheetRows rows;

    private XlsSheetReader(XlsWorkbook workbook, XlsGlobals globals, XlsSheetRows rows) {
        this.workbook = workbook;
        this.globals = globals;
        this.rows = rows;
    }

    /**
     * @param file     a file that starts with the OLE2 signature
     * @param notExcel the code for an OLE2 file that is no Excel 97-2003 workbook: {@code not_xls} or
     *                 {@code not_xlsx}, after the format the file claims
     * @throws ValidationException for a file that is not a readable .xls or breaks a limit
     * @throws io.crmkit.api.error.LimitExceededException when the {@link TableMemory} has no room for its strings
     */
    static XlsSheetReader open(Path file, SheetLimits limits, String notExcel) {
        XlsWorkbook workbook = XlsWorkbook.open(file, notExcel);
        try {
            XlsRecords records = new XlsRecords(workbook.stream());
            XlsGlobals globals = XlsGlobals.read(records, limits, notExcel);
            return new XlsSheetReader(workbook, globals, new XlsSheetRows(records, globals, limits));
        } catch (CrmException e) {
            workbook.close();
            throw e;
        } catch (RuntimeException e) {
            workbook.close();
            throw damaged("in its workbook part, before the first sheet");
        }
    }

    @Override
    SheetRow readRow() {
        try {
            return rows.next();
        } catch (CrmException e) {
            throw e;
        } catch (RuntimeException e) {
            // POI reports a record it cannot parse with one of many runtime exceptions (RecordFormatException,
            // IllegalStateException, IndexOutOfBoundsException, ...): all mean the same to the user.
            throw damaged("after row " + rows.lastRow());
        }
    }

    @Override
    void release() {
        globals.strings().release();
        workbook.close();
    }

    private static ValidationException damaged(String where) {
        return FileProblem.of("malformed", "this Excel 97-2003 (.xls) workbook is damaged or cut short " + where
                + ": a record cannot be read. Open the file in Excel and save it again");
    }
}
