package io.crmkit.impl.sheet;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;

/**
 * Pulls the rows of a worksheet part (xl/worksheets/sheetN.xml) one {@code <row>} at a time, giving each cell the
 * text {@link SheetReader} promises. Cells land at the column their reference names ({@code r="D5"}), so sparse
 * rows keep their columns; a cell or row without a reference follows the previous one. A row's cells together
 * hold at most {@link SheetLimits#maxRowChars()} characters, counted as they are materialized.
 */
final class SheetXmlRows {

    private final XmlPart xml;
    private final SharedStrings strings;
    private final CellStyles styles;
    private final boolean date1904;
    private final SheetLimits limits;
    private long previousRow;
    private boolean ended;

    SheetXmlRows(XmlPart xml, SharedStrings strings, CellStyles styles, boolean date1904, SheetLimits limits) {
        this.xml = xml;
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
        this.limits = limits;
    }

    /**
     * @return the next row with its cells as the sheet has them, "" in the gaps; null after the last
     * @throws io.crmkit.api.error.ValidationException {@code too_many_columns}, {@code too_long} (a cell or a row),
     *         {@code malformed}, or the errors of {@link XmlPart}
     */
    SheetRow next() {
        while (!ended) {
            if (xml.next() == XMLStreamConstants.END_DOCUMENT) {
                ended = true;
            } else if (xml.isStart("row")) {
                return readRow();
            }
        }
        return null;
    }

    private SheetRow readRow() {
        long row = rowNumber(xml.attribute("r"));
        List<String> cells = new ArrayList<>();
        int column = -1;
        long rowChars = 0;
        for (xml.next(); !xml.isEnd("row"); xml.next()) {
            if (xml.isStart("c")) {
                column = columnIndex(xml.attribute("r"), column + 1, row);
                String text = readCell(row, column);
                // Counted as materialized: a shared string referenced by every cell is paid for in every cell.
                rowChars += text.length();
                if (rowChars > limits.maxRowChars()) {
                    throw FileProblem.rowTooLong("row " + row, limits.maxRowChars());
                }
                put(cells, column, text);
            }
        }
        previousRow = row;
        return new SheetRow(row, cells);
    }

    private String readCell(long row, int column) {
        String type = xml.attribute("t");
        int style = styleIndex(xml.attribute("s"));
        String value = null;
        String inline = null;
        for (xml.next(); !xml.isEnd("c"); xml.next()) {
            if (xml.isStart("v")) {
                value = xml.readText(limits.maxCellChars(), () -> tooLong(row, column));
            } else if (xml.isStart("is")) {
                inline = xml.readRichText(limits.maxCellChars(), () -> tooLong(row, column));
            }
        }
        String text = text(type, style, value, inline, row, column);
        if (text.length() > limits.maxCellChars()) {
            throw tooLong(row, column);
        }
        return text;
    }

    private String text(String type, int style, String value, String inline, long row, int column) {
        if (type == null || type.equals("n")) {
            if (value == null) {
                return "";
            }
            return styles.isDate(style) ? XlsxNumbers.date(value.strip(), date1904) : XlsxNumbers.number(value.strip());
        }
        return switch (type) {
            case "s" -> value == null ? "" : strings.get(sharedStringIndex(value, row, column));
            case "inlineStr" -> inline != null ? inline : orEmpty(value);
            case "b" -> "1".equals(value) ? "TRUE" : "0".equals(value) ? "FALSE" : orEmpty(value);
            default -> orEmpty(value);  // "str" (a formula's text), "e" (an error such as #N/A), "d" (ISO date)
        };
    }

    private long rowNumber(String reference) {
        if (reference == null) {
            return previousRow + 1;
        }
        try {
            long row = Long.parseLong(reference.strip());
            if (row >= 1) {
                return row;
            }
        } catch (NumberFormatException e) {
            // Reported below with the other bad references.
        }
        throw FileProblem.of("malformed", xml.name() + ": a row after row " + previousRow + " has no valid row "
                + "number. Open the file in Excel and save it again");
    }

    /** @return the 0-based column of a reference such as "D5"; the given default when there is none */
    private int columnIndex(String reference, int nextColumn, long row) {
        if (reference == null) {
            return checkedColumn(nextColumn, row);
        }
        long column = 0;
        int i = 0;
        for (; i < reference.length() && isAsciiLetter(reference.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            checkedColumn(column - 1, row);
        }
        if (i == 0) {
            throw FileProblem.of("malformed", "row " + row + ": a cell's reference names no column. Open the file "
                    + "in Excel and save it again");
        }
        return (int) column - 1;
    }

    private int checkedColumn(long column, long row) {
        if (column >= limits.maxColumns()) {
            throw FileProblem.tooManyColumns(row, limits.maxColumns());
        }
        return (int) column;
    }

    private int sharedStringIndex(String value, long row, int column) {
        String where = "row " + row + ", column " + columnName(column) + ": ";
        int index;
        try {
            index = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw FileProblem.of("malformed", where + "a shared-string cell holds no index. Open the file in Excel "
                    + "and save it again");
        }
        if (index < 0 || index >= strings.count()) {
            throw FileProblem.of("malformed", where + "the cell points to shared string " + index + ", the workbook "
                    + "has " + strings.count() + ". Open the file in Excel and save it again");
        }
        return index;
    }

    private RuntimeException tooLong(long row, int column) {
        return FileProblem.cellTooLong(row, column, limits.maxCellChars());
    }

    private static int styleIndex(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static void put(List<String> cells, int column, String text) {
        while (cells.size() <= column) {
            cells.add("");
        }
        cells.set(column, text);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** @return the column's letters as Excel shows them: 0 is "A", 26 is "AA" */
    static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }
}
