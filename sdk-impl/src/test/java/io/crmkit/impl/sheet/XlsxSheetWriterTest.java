package io.crmkit.impl.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.error.ValidationException;
import io.crmkit.api.io.FileFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

class XlsxSheetWriterTest {

    @Test
    void writesABoldHeaderRowThatStaysInView() throws IOException {
        try (XSSFWorkbook workbook = read(xlsx(List.of("name", "city")))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            assertThat(texts(sheet.getRow(0))).containsExactly("name", "city");
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
        }
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.impl.sheet.CellTextTest#hostileTexts")
    void writesATextThatStartsLikeAFormulaAsAStringCellWithALeadingApostrophe(String hostile) throws IOException {
        try (XSSFWorkbook workbook = read(xlsx(List.of("h"), List.of(hostile)))) {
            XSSFCell cell = workbook.getSheetAt(0).getRow(1).getCell(0);
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).startsWith("'").isEqualTo("'" + hostile);
        }
    }

    @Test
    void guardsTheHeaderToo() throws IOException {
        try (XSSFWorkbook workbook = read(xlsx(List.of("=1+1")))) {
            XSSFCell cell = workbook.getSheetAt(0).getRow(0).getCell(0);
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo("'=1+1");
        }
    }

    @Test
    void writesNumbersAsNumberCellsWithoutTheGuard() throws IOException {
        List<Object> values = List.of(-5L, 7, (short) 3, new BigDecimal("12.50"), -2.5, 999_999_999_999_999L);
        try (XSSFWorkbook workbook = read(xlsx(List.of("h"), values))) {
            Row row = workbook.getSheetAt(0).getRow(1);
            assertThat(row).allSatisfy(cell -> assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC));
            assertThat(row).extracting(Cell::getNumericCellValue)
                    .containsExactly(-5.0, 7.0, 3.0, 12.5, -2.5, 999_999_999_999_999.0);
        }
    }

    @Test
    void writesNumbersOfMoreThanFifteenDigitsAsTextToKeepEveryDigit() throws IOException {
        List<Object> values = List.of(1_000_000_000_000_000L, Long.MIN_VALUE,
                new BigDecimal("1234567890.123456789"), new BigDecimal("1E+400"));
        try (XSSFWorkbook workbook = read(xlsx(List.of("h"), values))) {
            Row row = workbook.getSheetAt(0).getRow(1);
            assertThat(row).allSatisfy(cell -> assertThat(cell.getCellType()).isEqualTo(CellType.STRING));
            assertThat(texts(row)).containsExactly("1000000000000000", "-9223372036854775808",
                    "1234567890.123456789", "1" + "0".repeat(400));
        }
    }

    @Test
    void writesBooleansAsBooleanCells() throws IOException {
        try (XSSFWorkbook workbook = read(xlsx(List.of("h"), List.of(true, false)))) {
            Row row = workbook.getSheetAt(0).getRow(1);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.BOOLEAN);
            assertThat(row).extracting(Cell::getBooleanCellValue).containsExactly(true, false);
        }
    }

    @Test
    void writesDatesAndInstantsAsDateCellsInUtcToTheSecond() throws IOException {
        List<Object> values = List.of(LocalDate.of(2024, 1, 31), Instant.parse("2024-03-05T10:15:30.789Z"),
                LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31));
        try (XSSFWorkbook workbook = read(xlsx(List.of("h"), values))) {
            Row row = workbook.getSheetAt(0).getRow(1);
            assertThat(row).allSatisfy(cell -> assertThat(DateUtil.isCellDateFormatted(cell)).isTrue());
            assertThat(row).extracting(Cell::getLocalDateTimeCellValue).containsExactly(
                    LocalDateTime.of(2024, 1, 31, 0, 0), LocalDateTime.of(2024, 3, 5, 10, 15, 30),
                    LocalDateTime.of(1900, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 0, 0));
            assertThat(row.getCell(0).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");
        }
    }

    @Test
    void writesDatesExcelCannotHoldAsText() throws IOException {
        List<Object> values = List.of(LocalDate.of(1899, 12, 31), Instant.parse("1899-12-31T23:59:59Z"),
                LocalDate.of(10_000, 1, 1));
        try (XSSFWorkbook workbook = read(xlsx(List.of("h"), values))) {
            Row row = workbook.getSheetAt(0).getRow(1);
            assertThat(row).allSatisfy(cell -> assertThat(cell.getCellType()).isEqualTo(CellType.STRING));
            assertThat(texts(row)).containsExactly("1899-12-31", "1899-12-31 23:59:59", "'+10000-01-01");
        }
    }

    @Test
    void writesCollectionsNullsAndOtherValuesAsText() throws IOException {
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        List<Object> values = Arrays.asList(List.of("vip", "new"), null, id, Double.NaN, "");
        try (XSSFWorkbook workbook = read(xlsx(List.of("h"), values))) {
            Row row = workbook.getSheetAt(0).getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("vip; new");
            assertThat(row.getCell(1)).isNull();
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo(id.toString());
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("NaN");
            assertThat(row.getCell(4).getStringCellValue()).isEmpty();
        }
    }

    @Test
    void writesTextsAsInlineStringsWithoutASharedStringsTable(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("names.xlsx");
        Files.write(file, xlsx(List.of("name"), List.of("Lan"), List.of("Lan")));

        String sheetXml = new String(entry(file, "xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        assertThat(sheetXml).contains("t=\"inlineStr\"").doesNotContain("t=\"s\"");
    }

    @Test
    void keepsTextOfTheLongestLengthACellHolds() throws IOException {
        String longest = "x".repeat(XlsxSheetWriter.MAX_TEXT_LENGTH);
        try (XSSFWorkbook workbook = read(xlsx(List.of("h"), List.of(longest)))) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo(longest);
        }
    }

    @Test
    void rejectsATextLongerThanACellHoldsAndWritesNothingOfThatRow() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = SheetWriters.open(out, FileFormat.XLSX, ',')) {
            writer.header(List.of("a", "b"));
            List<String> tooLong = List.of("kept?", "x".repeat(XlsxSheetWriter.MAX_TEXT_LENGTH + 1));

            assertThatThrownBy(() -> writer.row(tooLong)).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.errors().get(0).code()).isEqualTo("cell_too_long");
                assertThat(e.errors().get(0).message()).contains("row 2, column 2", "32,767", "32,768");
            });
            writer.row(List.of("next", "row"));
            assertThat(writer.rows()).isEqualTo(1);
        }
        try (XSSFWorkbook workbook = read(out.toByteArray())) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            assertThat(texts(workbook.getSheetAt(0).getRow(1))).containsExactly("next", "row");
        }
    }

    @Test
    void rejectsARowWithMoreColumnsThanASheetHolds() {
        List<String> tooWide = Collections.nCopies(XlsxSheetWriter.MAX_COLUMNS + 1, "x");
        try (SheetWriter writer = SheetWriters.open(new ByteArrayOutputStream(), FileFormat.XLSX, ',')) {
            writer.header(List.of("a"));
            writer.row(Collections.nCopies(XlsxSheetWriter.MAX_COLUMNS, "x"));

            assertThatThrownBy(() -> writer.row(tooWide)).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.errors().get(0).code()).isEqualTo("too_many_columns");
                assertThat(e.errors().get(0).message()).contains("row 3", "16,384", "16,385");
            });
        }
    }

    @Test
    void rejectsAHeaderWithMoreColumnsThanASheetHolds() {
        List<String> tooWide = Collections.nCopies(XlsxSheetWriter.MAX_COLUMNS + 1, "x");
        try (SheetWriter writer = SheetWriters.open(new ByteArrayOutputStream(), FileFormat.XLSX, ',')) {
            assertThatThrownBy(() -> writer.header(tooWide)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.errors().get(0).message()).contains("row 1, column 16,385"));
        }
    }

    @Test
    void rejectsTheDataRowAfterTheLastOneASheetHolds(@TempDir Path dir) {
        try (SheetWriter writer = SheetWriters.open(dir.resolve("full.xlsx"), FileFormat.XLSX, ',')) {
            writer.header(List.of("a"));
            List<Object> empty = List.of();
            for (int i = 0; i < XlsxSheetWriter.MAX_DATA_ROWS; i++) {
                writer.row(empty);
            }

            assertThat(writer.rows()).isEqualTo(1_048_575);
            assertThatThrownBy(() -> writer.row(empty)).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.errors().get(0).code()).isEqualTo("too_many_rows");
                assertThat(e.errors().get(0).message()).contains("row 1048577", "1,048,575");
            });
        }
    }

    @Test
    void streamsTwoHundredThousandRowsOfTwelveColumns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("export.xlsx");
        List<String> header = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            header.add("column " + i);
        }
        try (SheetWriter writer = SheetWriters.open(file, FileFormat.XLSX, ',')) {
            writer.header(header);
            for (long i = 0; i < 200_000; i++) {
                writer.row(List.of(i, "Customer " + i, "+8491" + i, "c" + i + "@example.com", "Hanoi",
                        List.of("vip", "new"), LocalDate.of(2024, 1, 1), i * 1.5, i % 2 == 0,
                        Instant.parse("2024-03-05T10:15:30Z"), "note " + i, new BigDecimal("12.50")));
            }
            assertThat(writer.rows()).isEqualTo(200_000);
        }

        assertThat(countRows(file)).isEqualTo(200_001);
    }

    @Test
    void leavesNoTemporaryFileBehind(@TempDir Path temp) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long filesWhileWriting = TempFile.withStrategy(new DefaultTempFileCreationStrategy(temp.toFile()), () -> {
            try (SheetWriter writer = SheetWriters.open(out, FileFormat.XLSX, ',')) {
                writer.header(List.of("a"));
                for (int i = 0; i < 1_000; i++) {
                    writer.row(List.of("row " + i));
                }
                return filesIn(temp);
            }
        });

        assertThat(filesWhileWriting).isPositive();
        assertThat(filesIn(temp)).isZero();
        assertThat(out.size()).isPositive();
    }

    private static long filesIn(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts the rows of the first sheet with a SAX parser, as a streaming reader would. */
    private static long countRows(Path file) throws Exception {
        long[] rows = {0};
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
             InputStream sheet = new XSSFReader(pkg).getSheetsData().next()) {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.newSAXParser().parse(sheet, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if (localName.equals("row")) {
                        rows[0]++;
                    }
                }
            });
        }
        return rows[0];
    }

    static byte[] xlsx(List<String> header, List<?>... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = SheetWriters.open(out, FileFormat.XLSX, ',')) {
            writer.header(header);
            for (List<?> row : rows) {
                writer.row(row);
            }
        }
        return out.toByteArray();
    }

    static XSSFWorkbook read(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    /** Reads through the zip's central directory: POI writes zip64 data descriptors JDK 17's ZipInputStream rejects. */
    private static byte[] entry(Path zip, String name) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(name);
            assertThat(entry).as(name).isNotNull();
            try (InputStream in = file.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }
}
