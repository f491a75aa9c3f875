package io.crmkit.impl.sheet;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.CellRecord;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.MulRKRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.RKRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * Pulls the rows of an .xls's first sheet from its records, giving each cell the text {@link SheetReader}
 * promises. The cells of a row are consecutive records (Excel writes them row by row); a row ends where a cell of
 * another row starts, and blank cells (BLANK, MULBLANK) are gaps. Values: LABELSST (a shared string), LABEL,
 * NUMBER, RK and MULRK (numbers, dates when their cell format is a date format), BOOLERR (TRUE/FALSE or an error
 * such as "#N/A") and FORMULA with its cached value, never evaluated (a text result in the STRING record after
 * it). A row's cells together hold at most {@link SheetLimits#maxRowChars()} characters, counted as they are
 * materialized.
 */
final class XlsSheetRows {

    private final XlsRecords records;
    private final XlsGlobals globals;
    private final SheetLimits limits;
    private boolean inSheet;
    private boolean ended;
    private int depth;
    private long row = -1;
    private List<String> cells;
    private long rowChars;
    /** The cells of a record that ended the row before them, with their row: the next row starts with them. */
    private final List<Carried> carried = new ArrayList<>();
    private long carriedRow;
    private int pendingFormulaColumn = -1;
    private long lastRow;

    /** @param records positioned after the workbook globals */
    XlsSheetRows(XlsRecords records, XlsGlobals globals, SheetLimits limits) {
        this.records = records;
        this.globals = globals;
        this.limits = limits;
    }

    /** @return the 1-based number of the last row read, 0 before the first; for messages */
    long lastRow() {
        return lastRow;
    }

    /**
     * @return the next row with its cells as the sheet has them, "" in the gaps; null after the last
     * @throws io.crmkit.api.error.ValidationException {@code too_many_columns}, {@code too_long} (a cell or a row),
     *         {@code malformed} for a stream that ends inside the sheet or a cell pointing past the shared strings
     * @throws RuntimeException from POI for a record it cannot parse
     */
    SheetRow next() {
        if (!inSheet && !ended) {
            skipToFirstSheet();
        }
        while (!ended) {
            if (!carried.isEmpty()) {
                beginCarriedRow();
            }
            if (!records.next()) {
                throw cutShort();
            }
            SheetRow done = read(records.sid());
            if (done != null) {
                return done;
            }
        }
        return finishRow();
    }

    /** Skips the sub-streams (other sheets, charts) that come before the first tab's in the stream. */
    private void skipToFirstSheet() {
        int substreams = 0;
        int level = 0;
        while (records.next()) {
            if (records.sid() == BOFRecord.sid) {
                if (level++ == 0 && substreams++ == globals.firstSheet()) {
                    inSheet = true;
                    depth = 1;
                    return;
                }
            } else if (records.sid() == EOFRecord.sid && level > 0) {
                level--;
            }
        }
        throw FileProblem.of("malformed", "this Excel 97-2003 (.xls) workbook lists a first sheet that it does not "
                + "hold (cut short?). Open the file in Excel and save it again");
    }

    /** @return the row this record ends, or null */
    private SheetRow read(int sid) {
        if (depth > 1 && sid != BOFRecord.sid && sid != EOFRecord.sid) {
            return null; // inside a chart drawn on the sheet: its records hold no cells of the sheet
        }
        switch (sid) {
            case BOFRecord.sid -> depth++;
            case EOFRecord.sid -> {
                if (--depth == 0) {
                    ended = true;
                    return finishRow();
                }
            }
            case LabelSSTRecord.sid -> {
                LabelSSTRecord label = new LabelSSTRecord(records.in());
                return cell(label, sharedString(label));
            }
            case LabelRecord.sid -> {
                LabelRecord label = new LabelRecord(records.in());
                return cell(label.getRow(), label.getColumn(), label.getValue());
            }
            case NumberRecord.sid -> {
                NumberRecord number = new NumberRecord(records.in());
                return cell(number, number(number.getValue(), number.getXFIndex()));
            }
            case RKRecord.sid -> {
                RKRecord number = new RKRecord(records.in());
                return cell(number, number(number.getRKNumber(), number.getXFIndex()));
            }
            case MulRKRecord.sid -> {
                return numbers(new MulRKRecord(records.in()));
            }
            case BoolErrRecord.sid -> {
                BoolErrRecord value = new BoolErrRecord(records.in());
                return cell(value, value.isBoolean() ? bool(value.getBooleanValue()) : error(value.getErrorValue()));
            }
            case FormulaRecord.sid -> {
                return formula(new FormulaRecord(records.in()));
            }
            case StringRecord.sid -> formulaText(new StringRecord(records.in()).getString());
            default -> {
                // Row, blank, formatting, drawing and every other record of the sheet: nothing to read.
            }
        }
        return null;
    }

    private SheetRow formula(FormulaRecord formula) {
        CellType type = formula.getCachedResultTypeEnum();
        if (type == CellType.STRING && formula.hasCachedResultString()) {
            // The text follows in a STRING record (after the row this cell may end); the cell is "" until then.
            SheetRow done = cell(formula, "");
            pendingFormulaColumn = formula.getColumn() & 0xFFFF;
            return done;
        }
        String text = switch (type) {
            case NUMERIC -> number(formula.getValue(), formula.getXFIndex());
            case BOOLEAN -> bool(formula.getCachedBooleanValue());
            case ERROR -> error(formula.getCachedErrorValue());
            default -> "";
        };
        return cell(formula, text);
    }

    private void formulaText(String text) {
        if (pendingFormulaColumn >= 0 && cells != null) {
            add(pendingFormulaColumn, text);
        }
        pendingFormulaColumn = -1;
    }

    private SheetRow numbers(MulRKRecord numbers) {
        SheetRow done = null;
        for (int i = 0; i < numbers.getNumColumns(); i++) {
            SheetRow ended = cell(numbers.getRow(), (short) (numbers.getFirstColumn() + i),
                    number(numbers.getRKNumberAt(i), numbers.getXFAt(i)));
            done = done == null ? ended : done;
        }
        return done;
    }

    private SheetRow cell(CellRecord record, String text) {
        return cell(record.getRow(), record.getColumn(), text);
    }

    /**
     * Puts a cell in the current row, or carries it over to the next when it is of another row.
     *
     * @return the row that this cell ends, or null
     */
    private SheetRow cell(int rowIndex, short column, String text) {
        pendingFormulaColumn = -1;
        long number = (rowIndex & 0xFFFFFFFFL) + 1;
        if (!carried.isEmpty() || (cells != null && number != row)) {
            // Checked when its row is read, so that a row's problem is reported for that row, not the one before.
            carriedRow = carried.isEmpty() ? number : carriedRow;
            carried.add(new Carried(column & 0xFFFF, text));
            return carried.size() == 1 ? finishRow() : null;
        }
        if (cells == null) {
            beginRow(number);
        }
        add(column & 0xFFFF, text);
        return null;
    }

    /** Starts the row of the cells a record carried over from the row before, checking them now. */
    private void beginCarriedRow() {
        beginRow(carriedRow);
        for (Carried cell : carried) {
            add(cell.column(), cell.text());
        }
        carried.clear();
    }

    private void beginRow(long number) {
        row = number;
        cells = new ArrayList<>();
        rowChars = 0;
    }

    private SheetRow finishRow() {
        if (cells == null) {
            return null;
        }
        SheetRow done = new SheetRow(row, cells);
        lastRow = row;
        cells = null;
        return done;
    }

    private void add(int column, String text) {
        if (column >= limits.maxColumns()) {
            throw FileProblem.tooManyColumns(row, limits.maxColumns());
        }
        if (text.length() > limits.maxCellChars()) {
            throw FileProblem.cellTooLong(row, column, limits.maxCellChars());
        }
        // Counted as materialized: a shared string referenced by every cell is paid for in every cell.
        rowChars += text.length();
        if (rowChars > limits.maxRowChars()) {
            throw FileProblem.rowTooLong("row " + row, limits.maxRowChars());
        }
        while (cells.size() <= column) {
            cells.add("");
        }
        cells.set(column, text);
    }

    private String sharedString(LabelSSTRecord label) {
        int index = label.getSSTIndex();
        if (index < 0 || index >= globals.strings().count()) {
            throw FileProblem.of("malformed", "row " + ((label.getRow() & 0xFFFFFFFFL) + 1) + ", column "
                    + SheetXmlRows.columnName(label.getColumn() & 0xFFFF) + ": the cell points to shared string "
                    + index + ", the workbook has " + globals.strings().count() + ". Open the file in Excel and save "
                    + "it again");
        }
        return globals.strings().get(index);
    }

    private String number(double value, short style) {
        return globals.styles().isDate(style & 0xFFFF)
                ? XlsxNumbers.date(value, globals.date1904())
                : XlsxNumbers.number(value);
    }

    private static String bool(boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    private static String error(int code) {
        return FormulaError.isValidCode(code) ? FormulaError.forInt(code).getString() : "#VALUE!";
    }

    /** A cell read but not yet checked or put in its row. */
    private record Carried(int column, String text) {
    }

    private RuntimeException cutShort() {
        return FileProblem.of("malformed", "this Excel 97-2003 (.xls) workbook ends in the middle of its first sheet "
                + "(cut short?), after row " + lastRow + ". Open the file in Excel and save it again");
    }
}
