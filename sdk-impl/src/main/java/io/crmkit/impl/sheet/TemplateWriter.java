package io.crmkit.impl.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes the .xlsx template a user fills in to import customers. */
public final class TemplateWriter {

    /** Data rows one import reads; the drop-down lists cover as many rows. */
    static final int MAX_IMPORT_ROWS = 200_000;
    static final String CUSTOMERS = "Customers";
    static final String INSTRUCTIONS = "Instructions";
    /** The hidden sheet the drop-down lists read their values from: column i holds the choices of column i. */
    static final String CHOICES = "Choices";

    private static final int MIN_COLUMN_CHARS = 12;
    private static final int MAX_COLUMN_CHARS = 60;
    private static final int[] INSTRUCTION_COLUMN_CHARS = {30, 10, 50, 60};

    private TemplateWriter() {
    }

    /**
     * Writes an .xlsx import template: sheet "Customers" with the header row (required headers marked with a
     * bold red font; each header with a note carries it as a cell comment), one example row, columns sized to
     * fit, and for columns with choices a drop-down list (data validation) over rows 2..200001; sheet
     * "Instructions" with a short text (title, how to fill in, the 200,000-row limit, formats: dates yyyy-MM-dd,
     * several values in one cell, channel accounts, multi-line remarks) and a table: column, required, rule,
     * allowed values.
     *
     * <p>The columns of "Customers" are formatted as text, so Excel keeps what a user types as typed: a phone's
     * leading 0 or +, a long number's digits, a text starting with '='. Examples are written as they are given,
     * as text cells, which a spreadsheet never runs as formulas. The drop-down values live in a third, hidden
     * sheet "Choices", since Excel limits a list written into the validation itself to 255 characters. The
     * caller's stream is flushed, not closed.
     *
     * @param out where the .xlsx goes
     * @param columns the template's columns, in order; at least one, at most 16,384, headers unique ignoring case
     * @throws IllegalArgumentException if the columns are empty, too many or have a header twice, or a text is
     *         longer than an .xlsx cell holds (32,767 characters)
     * @throws UncheckedIOException if the stream cannot be written
     */
    public static void write(OutputStream out, List<TemplateColumn> columns) {
        Objects.requireNonNull(out, "out");
        checkColumns(columns);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet customers = workbook.createSheet(CUSTOMERS);
            writeCustomers(customers, columns);
            writeInstructions(workbook.createSheet(INSTRUCTIONS), columns);
            if (columns.stream().anyMatch(column -> !column.choices().isEmpty())) {
                XSSFSheet choices = workbook.createSheet(CHOICES);
                workbook.setSheetVisibility(workbook.getSheetIndex(choices), SheetVisibility.HIDDEN);
                writeChoices(choices, customers, columns);
            }
            workbook.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the import template", e);
        }
    }

    private static void checkColumns(List<TemplateColumn> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("an import template needs at least one column");
        }
        int maxColumns = SpreadsheetVersion.EXCEL2007.getMaxColumns();
        if (columns.size() > maxColumns) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "an import template holds at most %,d columns, got %,d", maxColumns, columns.size()));
        }
        Set<String> headers = new HashSet<>();
        for (TemplateColumn column : columns) {
            if (!headers.add(column.header().strip().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("the header " + column.header() + " is in the template twice");
            }
        }
    }

    private static void writeCustomers(XSSFSheet sheet, List<TemplateColumn> columns) {
        XSSFWorkbook workbook = sheet.getWorkbook();
        XSSFCellStyle header = workbook.createCellStyle();
        header.setFont(font(workbook, false));
        XSSFCellStyle requiredHeader = workbook.createCellStyle();
        requiredHeader.setFont(font(workbook, true));
        XSSFCellStyle text = workbook.createCellStyle();
        text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFRow headerRow = sheet.createRow(0);
        XSSFRow exampleRow = sheet.createRow(1);
        for (int i = 0; i < columns.size(); i++) {
            TemplateColumn column = columns.get(i);
            XSSFCell cell = headerRow.createCell(i);
            cell.setCellValue(column.header());
            cell.setCellStyle(column.required() ? requiredHeader : header);
            if (!column.note().isBlank()) {
                cell.setCellComment(comment(drawing, i, column.note()));
            }
            if (!column.example().isEmpty()) {
                XSSFCell example = exampleRow.createCell(i);
                example.setCellValue(column.example());
                example.setCellStyle(text);
            }
            sheet.setDefaultColumnStyle(i, text);
            sheet.setColumnWidth(i, width(column));
        }
        sheet.createFreezePane(0, 1);
    }

    private static XSSFFont font(XSSFWorkbook workbook, boolean red) {
        XSSFFont font = workbook.createFont();
        font.setBold(true);
        if (red) {
            font.setColor(IndexedColors.RED.getIndex());
        }
        return font;
    }

    private static XSSFComment comment(XSSFDrawing drawing, int column, String note) {
        ClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, column, 0, column + 3, 3);
        XSSFComment comment = drawing.createCellComment(anchor);
        comment.setString(new XSSFRichTextString(note));
        return comment;
    }

    private static int width(TemplateColumn column) {
        int chars = Math.max(column.header().length(), column.example().length());
        for (String choice : column.choices()) {
            chars = Math.max(chars, choice.length());
        }
        return Math.min(MAX_COLUMN_CHARS, Math.max(MIN_COLUMN_CHARS, chars + 2)) * 256;
    }

    private static void writeChoices(XSSFSheet choices, XSSFSheet customers, List<TemplateColumn> columns) {
        XSSFDataValidationHelper validations = new XSSFDataValidationHelper(customers);
        for (int i = 0; i < columns.size(); i++) {
            TemplateColumn column = columns.get(i);
            List<String> values = column.choices();
            if (values.isEmpty()) {
                continue;
            }
            for (int row = 0; row < values.size(); row++) {
                XSSFRow choiceRow = choices.getRow(row) == null ? choices.createRow(row) : choices.getRow(row);
                choiceRow.createCell(i).setCellValue(values.get(row));
            }
            String letter = CellReference.convertNumToColString(i);
            DataValidation validation = validations.createValidation(
                    validations.createFormulaListConstraint(
                            CHOICES + "!$" + letter + "$1:$" + letter + "$" + values.size()),
                    new CellRangeAddressList(1, MAX_IMPORT_ROWS, i, i));
            // POI's XSSF flag is inverted: "suppress" true is what shows the drop-down arrow in Excel.
            validation.setSuppressDropDownArrow(true);
            validation.setEmptyCellAllowed(true);
            validation.setShowErrorBox(true);
            validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
            validation.createErrorBox(column.header(), "Pick one of the values in the drop-down list.");
            customers.addValidationData(validation);
        }
    }

    private static void writeInstructions(XSSFSheet sheet, List<TemplateColumn> columns) {
        XSSFWorkbook workbook = sheet.getWorkbook();
        XSSFFont titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);
        XSSFCellStyle title = workbook.createCellStyle();
        title.setFont(titleFont);
        XSSFCellStyle bold = workbook.createCellStyle();
        bold.setFont(font(workbook, false));
        List<String> lines = List.of(
                "Fill in one customer per row of the sheet \"" + CUSTOMERS + "\", from row 2 on. Keep the header"
                        + " row as it is; replace or delete the example row.",
                "Columns with a red header are required; the others may stay empty. A header's comment shows its"
                        + " rule.",
                String.format(Locale.ROOT, "At most %,d customers per file: split a longer list into several"
                        + " files.", MAX_IMPORT_ROWS),
                "Dates: yyyy-MM-dd, for example 2024-01-31.",
                "Several phones, emails or channel accounts in one cell: separate them with \";\", for example"
                        + " +84 912 345 678; +84 987 654 321. Channel accounts as channel:account, for example"
                        + " whatsapp:+84912345678; web:abc.",
                "Several tags in one cell: separate them with \",\" or \";\" (or \"\uFF0C\", \"\u3001\", a line"
                        + " break), for example vip, fair.",
                "A remark may have several lines; other texts are one line each.",
                "Columns with a drop-down list accept only the values of the list.");
        int row = 0;
        text(sheet, row++, title, "How to fill in the customer import template");
        for (String line : lines) {
            text(sheet, row++, null, line);
        }
        row++;
        text(sheet, row++, bold, "Column", "Required", "Rule", "Allowed values");
        for (TemplateColumn column : columns) {
            text(sheet, row++, null, column.header(), column.required() ? "yes" : "no", column.note(),
                    String.join(", ", column.choices()));
        }
        for (int i = 0; i < INSTRUCTION_COLUMN_CHARS.length; i++) {
            sheet.setColumnWidth(i, INSTRUCTION_COLUMN_CHARS[i] * 256);
        }
    }

    private static void text(XSSFSheet sheet, int rowIndex, XSSFCellStyle style, String... texts) {
        XSSFRow row = sheet.createRow(rowIndex);
        for (int i = 0; i < texts.length; i++) {
            XSSFCell cell = row.createCell(i);
            cell.setCellValue(texts[i]);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
