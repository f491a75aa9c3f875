package io.crmkit.impl.sheet;

import static io.crmkit.impl.sheet.HandWrittenXlsx.MAIN;
import static io.crmkit.impl.sheet.HandWrittenXlsx.inline;
import static io.crmkit.impl.sheet.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.io.FileFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxSheetReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheHeaderThenEachRowWithItsExcelRowNumber() throws IOException {
        Path file = write(new XSSFWorkbook(), sheet -> {
            cells(sheet.createRow(0), " Name ", "City", "");
            cells(sheet.createRow(1), "Lan", "Hanoi");
            cells(sheet.createRow(2), "Minh", "Hue");
        });
        try (SheetReader reader = open(file)) {
            assertThat(reader.header()).containsExactly("Name", "City");
            assertThat(Rows.all(reader)).containsExactly(
                    new SheetRow(2, List.of("Lan", "Hanoi")),
                    new SheetRow(3, List.of("Minh", "Hue")));
        }
    }

    @Test
    void numbersRowsThatRepeatOrGoBackAfterTheRowBeforeThem() {
        Path file = HandWrittenXlsx.withRows("<row r=\"1\">" + inline("A1", "Name") + "</row>"
                + "<row r=\"2\">" + inline("A2", "a") + "</row>"
                + "<row r=\"7\">" + inline("A7", "b") + "</row>"
                + "<row r=\"7\">" + inline("A7", "c") + "</row>"
                + "<row r=\"1\">" + inline("A1", "d") + "</row>"
                + "<row r=\"3\">" + inline("A3", "e") + "</row>"
                + "<row r=\"20\">" + inline("A20", "f") + "</row>").writeTo(dir.resolve("repeats.xlsx"));
        try (SheetReader reader = open(file)) {
            assertThat(Rows.all(reader)).extracting(SheetRow::number).containsExactly(2L, 7L, 8L, 9L, 10L, 20L);
        }
    }

    @Test
    void givesTheSharedStringsMemoryBackWhenClosedOrRefused() {
        long before = TableMemory.JVM.reserved();
        Path file = HandWrittenXlsx.withRows("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
                .sharedStrings("Name").writeTo(dir.resolve("strings.xlsx"));
        try (SheetReader reader = open(file)) {
            assertThat(reader.header()).containsExactly("Name");
            assertThat(TableMemory.JVM.reserved()).isGreaterThan(before);
        }
        assertThat(TableMemory.JVM.reserved()).isEqualTo(before);

        Path broken = HandWrittenXlsx.withRows("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
                .sharedStrings("Name").workbookXml("<workbook xmlns=\"" + MAIN + "\"><sheets><sheet name=\"S\" "
                        + "sheetId=\"1\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
                        + " r:id=\"rId9\"/></sheets></workbook>").writeTo(dir.resolve("broken.xlsx"));
        expectProblem(() -> open(broken), "malformed");
        assertThat(TableMemory.JVM.reserved()).isEqualTo(before);
    }

    @Test
    void writesNumbersAsPlainDecimals() throws IOException {
        double[] numbers = {84912345678d, 12.50, 3.0, -0.5, 0.1 + 0.2, 1.5e-7, 1e20, 0};
        Path file = write(new XSSFWorkbook(), sheet -> {
            Row header = sheet.createRow(0);
            Row values = sheet.createRow(1);
            for (int i = 0; i < numbers.length; i++) {
                header.createCell(i).setCellValue("n" + i);
                values.createCell(i).setCellValue(numbers[i]);
            }
        });
        try (SheetReader reader = open(file)) {
            assertThat(reader.next().cells()).containsExactly("84912345678", "12.5", "3", "-0.5", "0.3",
                    "0.00000015", "100000000000000000000", "0");
        }
    }

    @Test
    void writesDateCellsAsIsoDatesWithTheTimeWhenTheyHaveOne() throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
        CellStyle builtIn = workbook.createCellStyle();
        builtIn.setDataFormat((short) 14);
        CellStyle time = workbook.createCellStyle();
        time.setDataFormat(workbook.createDataFormat().getFormat("h:mm"));
        Path file = write(workbook, sheet -> {
            cells(sheet.createRow(0), "Born", "Met", "Called", "Opens");
            Row row = sheet.createRow(1);
            styled(row.createCell(0), date).setCellValue(LocalDate.of(1990, 3, 5));
            styled(row.createCell(1), builtIn).setCellValue(LocalDateTime.of(2019, 11, 1, 18, 0, 30));
            styled(row.createCell(2), date).setCellValue(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 600_000_000));
            styled(row.createCell(3), time).setCellValue(0.375);
        });
        try (SheetReader reader = open(file)) {
            assertThat(reader.next().cells()).containsExactly("1990-03-05", "2019-11-01T18:00:30",
                    "2024-03-01", "09:00:00");
        }
    }

    @Test
    void writesBooleansFormulaResultsAndErrorsAsExcelShowsThem() throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Path file = write(workbook, sheet -> {
            cells(sheet.createRow(0), "Active", "Total", "Label", "Ratio");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(true);
            row.createCell(1).setCellFormula("2*21");
            row.createCell(2).setCellFormula("\"VIP \"&\"Gold\"");
            row.createCell(3).setCellErrorValue(FormulaError.DIV0.getCode());
            Row next = sheet.createRow(2);
            next.createCell(0).setCellValue(false);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        try (SheetReader reader = open(file)) {
            assertThat(Rows.cells(reader)).containsExactly(
                    List.of("TRUE", "42", "VIP Gold", "#DIV/0!"),
                    List.of("FALSE", "", "", ""));
        }
    }

    @Test
    void aFormulaWithoutACachedValueReadsEmptyAndIsNeverEvaluated() throws IOException {
        Path file = write(new XSSFWorkbook(), sheet -> {
            cells(sheet.createRow(0), "A", "B");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("x");
            row.createCell(1).setCellFormula("1+1");
        });
        try (SheetReader reader = open(file)) {
            assertThat(reader.next().cells()).containsExactly("x", "");
        }
    }

    @Test
    void putsCellsOfSparseRowsInTheirColumnsAndSkipsBlankRows() throws IOException {
        Path file = write(new XSSFWorkbook(), sheet -> {
            cells(sheet.createRow(2), "A", "B", "C", "D");
            Row sparse = sheet.createRow(4);
            sparse.createCell(0).setCellValue("a5");
            sparse.createCell(3).setCellValue("d5");
            cells(sheet.createRow(5), " ", "", "  ");
            Row wide = sheet.createRow(7);
            wide.createCell(1).setCellValue("b8");
            wide.createCell(5).setCellValue("f8");
        });
        try (SheetReader reader = open(file)) {
            assertThat(reader.header()).containsExactly("A", "B", "C", "D");
            assertThat(Rows.all(reader)).containsExactly(
                    new SheetRow(5, List.of("a5", "", "", "d5")),
                    new SheetRow(8, List.of("", "b8", "", "", "", "f8")));
        }
    }

    @Test
    void aHeaderOnlySheetHasNoRows() throws IOException {
        Path file = write(new XSSFWorkbook(), sheet -> cells(sheet.createRow(0), "Name", "Phone"));
        try (SheetReader reader = open(file)) {
            assertThat(reader.header()).containsExactly("Name", "Phone");
            assertThat(reader.next()).isNull();
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void anEmptySheetHasNoHeader() throws IOException {
        Path file = write(new XSSFWorkbook(), sheet -> cells(sheet.createRow(3), " ", ""));
        try (SheetReader reader = open(file)) {
            expectProblem(reader::header, "empty");
        }
    }

    @Test
    void readsOnlyTheFirstSheetInTabOrder() throws IOException {
        Path file = write(new XSSFWorkbook(), sheet -> {
            cells(sheet.createRow(0), "Second tab");
            cells(sheet.getWorkbook().createSheet("Lists").createRow(0), "First tab");
            sheet.getWorkbook().setSheetOrder("Lists", 0);
        });
        try (SheetReader reader = open(file)) {
            assertThat(reader.header()).containsExactly("First tab");
        }
    }

    @Test
    void readsInlineStringsRichTextAndSharedStringsWithoutPhoneticGuides() {
        Path file = HandWrittenXlsx.withRows("<row r=\"1\">" + inline("A1", "Name") + inline("B1", "Note") + "</row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c></row>"
                        + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><r><t>Tr</t></r><r><rPr><b/></rPr><t>an</t></r>"
                        + "</is></c><c r=\"B3\" t=\"str\"><f>A3</f><v>Tran</v></c></row>")
                .sharedStringsXml("<sst xmlns=\"" + MAIN + "\"><si><t xml:space=\"preserve\"> Lan </t></si>"
                        + "<si><r><t>東京</t></r><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh></si></sst>")
                .writeTo(dir.resolve("strings.xlsx"));
        try (SheetReader reader = open(file)) {
            assertThat(reader.header()).containsExactly("Name", "Note");
            assertThat(Rows.cells(reader)).containsExactly(List.of(" Lan ", "東京"), List.of("Tran", "Tran"));
        }
    }

    @Test
    void readsCellsAndRowsWithoutReferencesInOrder() {
        Path file = HandWrittenXlsx.withRows("<row><c t=\"inlineStr\"><is><t>A</t></is></c>"
                        + "<c t=\"inlineStr\"><is><t>B</t></is></c></row>"
                        + "<row><c><v>1</v></c><c r=\"D2\"><v>4</v></c><c><v>5</v></c></row>")
                .writeTo(dir.resolve("no-references.xlsx"));
        try (SheetReader reader = open(file)) {
            assertThat(reader.header()).containsExactly("A", "B");
            assertThat(Rows.all(reader)).containsExactly(new SheetRow(2, List.of("1", "", "", "4", "5")));
        }
    }

    @Test
    void countsDatesFrom1904WhenTheWorkbookSaysSo() {
        Path file = HandWrittenXlsx.withRows("<row r=\"1\">" + inline("A1", "Date") + "</row>"
                        + "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>0</v></c></row>"
                        + "<row r=\"3\"><c r=\"A3\" s=\"1\"><v>45000.5</v></c></row>")
                .workbookXml("<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"http://schemas.openxmlformats.org/"
                        + "officeDocument/2006/relationships\"><workbookPr date1904=\"1\"/><sheets><sheet name=\"S\" "
                        + "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
                .stylesXml("<styleSheet xmlns=\"" + MAIN + "\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"
                        + "<xf numFmtId=\"22\"/></cellXfs></styleSheet>")
                .writeTo(dir.resolve("1904.xlsx"));
        try (SheetReader reader = open(file)) {
            assertThat(Rows.cells(reader)).containsExactly(List.of("00:00:00"), List.of("2027-03-16T12:00:00"));
        }
    }

    @Test
    void streams50000RowsOneByOne() throws IOException {
        Path file = dir.resolve("big.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Customers");
            cells(sheet.createRow(0), "Name", "Phone", "Email");
            for (int i = 1; i <= 50_000; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("Customer " + i);
                row.createCell(1).setCellValue(84_900_000_000d + i);
                row.createCell(2).setCellValue("c" + i + "@example.com");
            }
            workbook.write(out);
        }
        long count = 0;
        SheetRow last = null;
        try (SheetReader reader = open(file)) {
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                count++;
                last = row;
            }
        }
        assertThat(count).isEqualTo(50_000);
        assertThat(last).isEqualTo(
                new SheetRow(50_001, List.of("Customer 50000", "84900050000", "c50000@example.com")));
    }

    private static SheetReader open(Path file) {
        return SheetReaders.open(file, FileFormat.XLSX, ',', SheetLimits.defaults());
    }

    private Path write(Workbook workbook, Consumer<Sheet> fill) throws IOException {
        Path file = Files.createTempFile(dir, "book", ".xlsx");
        try (workbook; OutputStream out = Files.newOutputStream(file)) {
            fill.accept(workbook.createSheet("Data"));
            workbook.write(out);
        }
        return file;
    }

    private static void cells(Row row, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            row.createCell(i).setCellValue(texts[i]);
        }
    }

    private static Cell styled(Cell cell, CellStyle style) {
        cell.setCellStyle(style);
        return cell;
    }
}
