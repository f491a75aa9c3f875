package io.crmkit.impl.sheet;

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
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Excel 97-2003 workbooks read as the .xlsx reader reads their .xlsx twins: {@link XlsxSheetReaderTest}. */
class XlsSheetReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheHeaderThenEachRowWithItsExcelRowNumber() throws IOException {
        Path file = write(sheet -> {
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
    void readsSharedStringsUsedByManyCellsAndTextsOutsideLatin1() throws IOException {
        Path file = write(sheet -> {
            cells(sheet.createRow(0), "Name", "City");
            cells(sheet.createRow(1), "Lê Văn Lan", "Hà Nội");
            cells(sheet.createRow(2), "東京 Tanaka", "Hà Nội");
            cells(sheet.createRow(3), "Lê Văn Lan", "Hà Nội");
        });
        try (SheetReader reader = open(file)) {
            assertThat(Rows.cells(reader)).containsExactly(List.of("Lê Văn Lan", "Hà Nội"),
                    List.of("東京 Tanaka", "Hà Nội"), List.of("Lê Văn Lan", "Hà Nội"));
        }
    }

    @Test
    void writesNumbersAsPlainDecimals() throws IOException {
        // Small integers are stored as RK records, the others as NUMBER records; a row of them as MULRK.
        double[] numbers = {84912345678d, 12.50, 3.0, -0.5, 0.1 + 0.2, 1.5e-7, 1e20, 0, 100, -7};
        Path file = write(sheet -> {
            Row header = sheet.createRow(0);
            Row values = sheet.createRow(1);
            for (int i = 0; i < numbers.length; i++) {
                header.createCell(i).setCellValue("n" + i);
                values.createCell(i).setCellValue(numbers[i]);
            }
        });
        try (SheetReader reader = open(file)) {
            assertThat(reader.next().cells()).containsExactly("84912345678", "12.5", "3", "-0.5", "0.3",
                    "0.00000015", "100000000000000000000", "0", "100", "-7");
        }
    }

    @Test
    void writesDateCellsAsIsoDatesWithTheTimeWhenTheyHaveOne() throws IOException {
        HSSFWorkbook workbook = new HSSFWorkbook();
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
        CellStyle builtIn = workbook.createCellStyle();
        builtIn.setDataFormat((short) 14);
        CellStyle time = workbook.createCellStyle();
        time.setDataFormat(workbook.createDataFormat().getFormat("h:mm"));
        Path file = write(workbook, sheet -> {
            cells(sheet.createRow(0), "Born", "Met", "Called", "Opens", "Points");
            Row row = sheet.createRow(1);
            styled(row.createCell(0), date).setCellValue(LocalDate.of(1990, 3, 5));
            styled(row.createCell(1), builtIn).setCellValue(LocalDateTime.of(2019, 11, 1, 18, 0, 30));
            styled(row.createCell(2), date).setCellValue(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 600_000_000));
            styled(row.createCell(3), time).setCellValue(0.375);
            row.createCell(4).setCellValue(45000);
        });
        try (SheetReader reader = open(file)) {
            assertThat(reader.next().cells()).containsExactly("1990-03-05", "2019-11-01T18:00:30",
                    "2024-03-01", "09:00:00", "45000");
        }
    }

    @Test
    void countsDatesFrom1904WhenTheWorkbookSaysSo() throws IOException {
        HSSFWorkbook workbook = new HSSFWorkbook();
        ((DateWindow1904Record) workbook.getInternalWorkbook().findFirstRecordBySid(DateWindow1904Record.sid))
                .setWindowing((short) 1);
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat((short) 22);
        Path file = write(workbook, sheet -> {
            cells(sheet.createRow(0), "Date");
            styled(sheet.createRow(1).createCell(0), date).setCellValue(0);
            styled(sheet.createRow(2).createCell(0), date).setCellValue(45000.5);
        });
        try (SheetReader reader = open(file)) {
            assertThat(Rows.cells(reader)).containsExactly(List.of("00:00:00"), List.of("2027-03-16T12:00:00"));
        }
    }

    @Test
    void writesBooleansFormulaResultsAndErrorsAsExcelShowsThem() throws IOException {
        HSSFWorkbook workbook = new HSSFWorkbook();
        Path file = write(workbook, sheet -> {
            cells(sheet.createRow(0), "Active", "Total", "Label", "Ratio", "Check", "Broken", "Empty");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(true);
            row.createCell(1).setCellFormula("2*21");
            row.createCell(2).setCellFormula("\"VIP \"&\"Gold\"");
            row.createCell(3).setCellErrorValue(FormulaError.DIV0.getCode());
            row.createCell(4).setCellFormula("1<2");
            row.createCell(5).setCellFormula("1/0");
            row.createCell(6).setCellFormula("\"\"");
            Row next = sheet.createRow(2);
            next.createCell(0).setCellValue(false);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        try (SheetReader reader = open(file)) {
            assertThat(Rows.cells(reader)).containsExactly(
                    List.of("TRUE", "42", "VIP Gold", "#DIV/0!", "TRUE", "#DIV/0!", ""),
                    List.of("FALSE", "", "", "", "", "", ""));
        }
    }

    @Test
    void aFormulaReadsItsCachedValueAndIsNeverEvaluated() throws IOException {
        HSSFWorkbook workbook = new HSSFWorkbook();
        Path file = write(workbook, sheet -> {
            cells(sheet.createRow(0), "A", "B", "C");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(1);
            row.createCell(1).setCellFormula("A2+1");
            row.createCell(2).setCellFormula("1+1");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            row.getCell(0).setCellValue(41); // B2 keeps the value computed before: 2, not 42
        });
        try (SheetReader reader = open(file)) {
            assertThat(reader.next().cells()).containsExactly("41", "2", "2");
        }
    }

    @Test
    void aTextFormulaThatStartsARowKeepsItsCachedText() throws IOException {
        HSSFWorkbook workbook = new HSSFWorkbook();
        Path file = write(workbook, sheet -> {
            cells(sheet.createRow(0), "Label", "Count");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellFormula("\"VIP \"&\"Gold\"");
            row.createCell(1).setCellValue(3);
            sheet.createRow(2).createCell(0).setCellFormula("\"Only\"");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        try (SheetReader reader = open(file)) {
            assertThat(Rows.cells(reader)).containsExactly(List.of("VIP Gold", "3"), List.of("Only", ""));
        }
    }

    @Test
    void putsCellsOfSparseRowsInTheirColumnsAndSkipsBlankRows() throws IOException {
        HSSFWorkbook workbook = new HSSFWorkbook();
        CellStyle bold = workbook.createCellStyle();
        Path file = write(workbook, sheet -> {
            cells(sheet.createRow(2), "A", "B", "C", "D");
            Row sparse = sheet.createRow(4);
            sparse.createCell(0).setCellValue("a5");
            sparse.createCell(1).setCellStyle(bold); // a BLANK record
            sparse.createCell(3).setCellValue("d5");
            cells(sheet.createRow(5), " ", "", "  ");
            sheet.createRow(6).createCell(2).setCellStyle(bold);
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
        Path file = write(sheet -> cells(sheet.createRow(0), "Name", "Phone"));
        try (SheetReader reader = open(file)) {
            assertThat(reader.header()).containsExactly("Name", "Phone");
            assertThat(reader.next()).isNull();
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void anEmptySheetHasNoHeader() throws IOException {
        Path file = write(sheet -> cells(sheet.createRow(3), " ", ""));
        try (SheetReader reader = open(file)) {
            expectProblem(reader::header, "empty");
        }
    }

    @Test
    void readsOnlyTheFirstSheetInTabOrder() throws IOException {
        Path file = write(sheet -> {
            cells(sheet.createRow(0), "Second tab");
            cells(sheet.createRow(1), "second");
            Sheet lists = sheet.getWorkbook().createSheet("Lists");
            cells(lists.createRow(0), "First tab");
            cells(lists.createRow(1), "first");
            cells(sheet.getWorkbook().createSheet("Third").createRow(0), "Third tab");
            sheet.getWorkbook().setSheetOrder("Lists", 0);
        });
        try (SheetReader reader = open(file)) {
            assertThat(reader.header()).containsExactly("First tab");
            assertThat(Rows.cells(reader)).containsExactly(List.of("first"));
        }
    }

    @Test
    void readsTheFirstSheetWhenItComesFirstInTheStreamAndOthersFollow() throws IOException {
        Path file = write(sheet -> {
            cells(sheet.createRow(0), "First tab");
            cells(sheet.createRow(1), "first");
            cells(sheet.getWorkbook().createSheet("Other").createRow(0), "Other tab");
        });
        try (SheetReader reader = open(file)) {
            assertThat(reader.header()).containsExactly("First tab");
            assertThat(Rows.cells(reader)).containsExactly(List.of("first"));
        }
    }

    @Test
    void numbersRowsThatRepeatOrGoBackAfterTheRowBeforeThem() {
        byte[] cells = concat(HandWrittenXls.label(0, 0, 0), HandWrittenXls.number(1, 0, 1),
                HandWrittenXls.number(6, 0, 2), HandWrittenXls.number(0, 0, 3), HandWrittenXls.number(2, 0, 4),
                HandWrittenXls.number(19, 0, 5));
        Path file = HandWrittenXls.oneSheet(cells, "Name").writeTo(dir.resolve("repeats.xls"));
        try (SheetReader reader = open(file)) {
            assertThat(Rows.all(reader)).extracting(SheetRow::number).containsExactly(2L, 7L, 8L, 9L, 20L);
        }
    }

    @Test
    void givesTheSharedStringsMemoryBackWhenClosedOrRefused() throws IOException {
        long before = TableMemory.JVM.reserved();
        Path file = write(sheet -> cells(sheet.createRow(0), "Name"));
        try (SheetReader reader = open(file)) {
            assertThat(reader.header()).containsExactly("Name");
            assertThat(TableMemory.JVM.reserved()).isGreaterThan(before);
        }
        assertThat(TableMemory.JVM.reserved()).isEqualTo(before);

        Path pointsNowhere = HandWrittenXls.oneSheet(HandWrittenXls.label(0, 0, 5), "Name")
                .writeTo(dir.resolve("nowhere.xls"));
        try (SheetReader reader = open(pointsNowhere)) {
            expectProblem(reader::header, "malformed").hasMessageContaining("row 1, column A: the cell points to "
                    + "shared string 5, the workbook has 1");
        }
        assertThat(TableMemory.JVM.reserved()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"XLS", "XLSX"})
    void readsAnExcelWorkbookByItsContentWhicheverExcelFormatItClaims(FileFormat claimed) throws IOException {
        Path xls = write(sheet -> cells(sheet.createRow(0), "Old"));
        Path xlsx = dir.resolve("new.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            cells(workbook.createSheet("S").createRow(0), "New");
            workbook.write(out);
        }
        try (SheetReader old = SheetReaders.open(xls, claimed, ',', SheetLimits.defaults());
             SheetReader current = SheetReaders.open(xlsx, claimed, ',', SheetLimits.defaults())) {
            assertThat(old.header()).containsExactly("Old");
            assertThat(current.header()).containsExactly("New");
        }
    }

    @Test
    void streams50000RowsOneByOne() throws IOException {
        Path file = write(sheet -> {
            cells(sheet.createRow(0), "Name", "Phone", "Email");
            for (int i = 1; i <= 50_000; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("Customer " + i);
                row.createCell(1).setCellValue(84_900_000_000d + i);
                row.createCell(2).setCellValue("c" + i + "@example.com");
            }
        });
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

    static SheetReader open(Path file) {
        return SheetReaders.open(file, FileFormat.XLS, ',', SheetLimits.defaults());
    }

    private Path write(Consumer<Sheet> fill) throws IOException {
        return write(new HSSFWorkbook(), fill);
    }

    private Path write(HSSFWorkbook workbook, Consumer<Sheet> fill) throws IOException {
        Path file = Files.createTempFile(dir, "book", ".xls");
        try (workbook; OutputStream out = Files.newOutputStream(file)) {
            fill.accept(workbook.createSheet("Data"));
            workbook.write(out);
        }
        return file;
    }

    static void cells(Row row, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            row.createCell(i).setCellValue(texts[i]);
        }
    }

    private static Cell styled(Cell cell, CellStyle style) {
        cell.setCellStyle(style);
        return cell;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
