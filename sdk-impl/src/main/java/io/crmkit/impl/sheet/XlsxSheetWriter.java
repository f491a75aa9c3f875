package io.crmkit.impl.sheet;

import io.crmkit.api.error.ValidationException;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes an .xlsx workbook with one sheet through POI's streaming writer: only the last {@value #ROW_WINDOW}
 * rows are in memory, older ones go to a temporary file that {@link #close} deletes. Texts are inline strings,
 * so no shared strings table grows with the file; the three cell styles are made once.
 */
final class XlsxSheetWriter implements SheetWriter {

    /** Data rows one sheet holds under its header row. */
    static final int MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
    /** Columns one sheet holds. */
    static final int MAX_COLUMNS = SpreadsheetVersion.EXCEL2007.getMaxColumns();
    /** Characters one cell holds. */
    static final int MAX_TEXT_LENGTH = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private static final int ROW_WINDOW = 100;
    /**
     * Temporary files are gzipped. For 1,000,000 rows x 12 columns compressing took 18.7 s instead of 12.5 s, but
     * the temporary file holds about 60 MB instead of 720 MB: the rows must not fill a small or memory-backed /tmp.
     */
    private static final boolean COMPRESS_TEMP_FILES = true;
    /** Excel keeps 15 significant digits of a number; a longer one is written as text to keep every digit. */
    private static final int EXCEL_DIGITS = 15;
    /** 10^15: the longs of at most 15 digits lie strictly between minus this and this. */
    private static final long EXCEL_EXACT_LONGS = 1_000_000_000_000_000L;
    /** Powers of ten Excel's numbers reach, roughly 1E-307 to 1E+307. */
    private static final int EXCEL_MAX_EXPONENT = 307;
    private static final LocalDate FIRST_EXCEL_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_EXCEL_DATE = LocalDate.of(9999, 12, 31);
    private static final Instant FIRST_EXCEL_INSTANT = FIRST_EXCEL_DATE.atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant AFTER_EXCEL_INSTANTS =
            LAST_EXCEL_DATE.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final int MIN_COLUMN_CHARS = 10;
    private static final int MAX_COLUMN_CHARS = 60;

    private final OutputStream out;
    private final boolean closeOut;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final CellStyle headerStyle;
    private final CellStyle dateStyle;
    private final CellStyle dateTimeStyle;
    private long rows;
    private boolean headerWritten;
    private boolean closed;

    /** @param closeOut whether {@link #close} closes {@code out} (else it flushes it) */
    XlsxSheetWriter(OutputStream out, boolean closeOut) {
        this.out = out;
        this.closeOut = closeOut;
        this.workbook = new SXSSFWorkbook(null, ROW_WINDOW, COMPRESS_TEMP_FILES, false);
        this.sheet = workbook.createSheet("Sheet1");
        Font bold = workbook.createFont();
        bold.setBold(true);
        this.headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        this.dateTimeStyle = workbook.createCellStyle();
        dateTimeStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
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
        checkColumns(names.size(), 1);
        Row row = sheet.createRow(0);
        fill(row, names);
        row.forEach(cell -> cell.setCellStyle(headerStyle));
        for (int i = 0; i < names.size(); i++) {
            int chars = CellText.of(names.get(i)).length() + 2;
            sheet.setColumnWidth(i, Math.min(MAX_COLUMN_CHARS, Math.max(MIN_COLUMN_CHARS, chars)) * 256);
        }
        sheet.createFreezePane(0, 1);
        headerWritten = true;
    }

    @Override
    public void row(List<?> values) {
        requireOpen();
        if (!headerWritten) {
            throw new IllegalStateException("write the header before the first row");
        }
        if (rows == MAX_DATA_ROWS) {
            throw ValidationException.of("file", "too_many_rows", String.format(Locale.ROOT,
                    "file: row %d: at most %,d data rows fit in one .xlsx sheet; export fewer rows or as CSV",
                    rows + 2, MAX_DATA_ROWS));
        }
        checkColumns(values.size(), rows + 2);
        fill(sheet.createRow((int) rows + 1), values);
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
        // Closing the workbook deletes its temporary files; it happens before the stream is closed or flushed.
        try (Closeable target = closeOut ? out : out::flush; workbook) {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the .xlsx file", e);
        }
    }

    /** Fills a new row, or removes it again if a value is rejected, so that no part of it is written. */
    private void fill(Row row, List<?> values) {
        try {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value != null) {
                    write(row.createCell(i), value);
                }
            }
        } catch (RuntimeException e) {
            sheet.removeRow(row);
            throw e;
        }
    }

    private void write(Cell cell, Object value) {
        if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (value instanceof LocalDate date && inExcelYears(date)) {
            cell.setCellValue(date);
            cell.setCellStyle(dateStyle);
        } else if (value instanceof Instant instant && inExcelYears(instant)) {
            cell.setCellValue(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
            cell.setCellStyle(dateTimeStyle);
        } else if (CellText.isNumber(value) && exactInExcel((Number) value)) {
            cell.setCellValue(((Number) value).doubleValue());
        } else {
            writeText(cell, CellText.of(value));
        }
    }

    private void writeText(Cell cell, String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw ValidationException.of("file", "cell_too_long", String.format(Locale.ROOT,
                    "file: row %d, column %d: at most %,d characters fit in an .xlsx cell, this value has %,d;"
                            + " export as CSV to keep it whole",
                    cell.getRowIndex() + 1, cell.getColumnIndex() + 1, MAX_TEXT_LENGTH, text.length()));
        }
        cell.setCellValue(text);
    }

    private void checkColumns(int columns, long rowNumber) {
        if (columns > MAX_COLUMNS) {
            throw ValidationException.of("file", "too_many_columns", String.format(Locale.ROOT,
                    "file: row %d, column %,d: at most %,d columns fit in an .xlsx sheet, this row has %,d",
                    rowNumber, MAX_COLUMNS + 1, MAX_COLUMNS, columns));
        }
    }

    private static boolean exactInExcel(Number number) {
        if (number instanceof Long l) {
            return -EXCEL_EXACT_LONGS < l && l < EXCEL_EXACT_LONGS;
        }
        if (number instanceof BigDecimal decimal) {
            BigDecimal digits = decimal.stripTrailingZeros();
            int exponent = digits.precision() - digits.scale() - 1;
            return digits.precision() <= EXCEL_DIGITS
                    && (digits.signum() == 0 || Math.abs(exponent) <= EXCEL_MAX_EXPONENT);
        }
        return true;
    }

    private static boolean inExcelYears(LocalDate date) {
        return !date.isBefore(FIRST_EXCEL_DATE) && !date.isAfter(LAST_EXCEL_DATE);
    }

    private static boolean inExcelYears(Instant instant) {
        return !instant.isBefore(FIRST_EXCEL_INSTANT) && instant.isBefore(AFTER_EXCEL_INSTANTS);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the writer is closed");
        }
    }
}
