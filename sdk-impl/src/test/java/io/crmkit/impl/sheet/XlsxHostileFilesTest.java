package io.crmkit.impl.sheet;

import static io.crmkit.impl.sheet.HandWrittenXlsx.MAIN;
import static io.crmkit.impl.sheet.HandWrittenXlsx.inline;
import static io.crmkit.impl.sheet.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.io.FileFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files built to fail or to attack: each gets its own clear error, fast, without reading them whole. */
class XlsxHostileFilesTest {

    private static final String HEADER = "<row r=\"1\">" + inline("A1", "Name") + inline("B1", "Note") + "</row>";

    @TempDir
    Path dir;

    @Test
    void refusesTextNamedXlsx() throws IOException {
        Path file = Files.writeString(dir.resolve("customers.xlsx"), "Name,Phone\nLan,0912345678\n");
        expectProblem(() -> readAll(file), "not_xlsx").hasMessageContaining("looks like text");
    }

    @Test
    void refusesRandomBytesNamedXlsx() throws IOException {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[0] = 'P';
        expectProblem(() -> readAll(Files.write(dir.resolve("noise.xlsx"), noise)), "not_xlsx");
    }

    @Test
    void refusesAZipThatStartsRightButIsCutShort() throws IOException {
        byte[] zip = HandWrittenXlsx.withRows(HEADER).bytes();
        byte[] cut = Arrays.copyOf(zip, zip.length / 2);
        expectProblem(() -> readAll(Files.write(dir.resolve("cut.xlsx"), cut)), "not_xlsx");
    }

    @Test
    void readsAnOldXlsWorkbookNamedXlsxAsTheXlsItIs() throws IOException {
        Path file = dir.resolve("old.xlsx");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Customers").createRow(0).createCell(0).setCellValue("Name");
            workbook.write(out);
        }
        try (SheetReader reader = SheetReaders.open(file, FileFormat.XLSX, ',', SheetLimits.defaults())) {
            assertThat(reader.header()).containsExactly("Name");
        }
    }

    @Test
    void refusesAnOpenDocumentSpreadsheet() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("mimetype", "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII));
        entries.put("content.xml", "<office:document-content/>".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("sheet.xlsx"), HandWrittenXlsx.zip(entries));
        expectProblem(() -> readAll(file), "not_xlsx").hasMessageContaining("OpenDocument");
    }

    @Test
    void refusesAZipThatIsNoOfficeDocument() throws IOException {
        Path file = Files.write(dir.resolve("photos.xlsx"),
                HandWrittenXlsx.zip(Map.of("photo.txt", "not a photo".getBytes(StandardCharsets.UTF_8))));
        expectProblem(() -> readAll(file), "not_xlsx").hasMessageContaining("[Content_Types].xml");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.ms-excel.sheet.binary.macroEnabled.main"})
    void refusesAnOfficeFileThatIsNoXlsxWorkbook(String mainContentType) {
        Path file = HandWrittenXlsx.withRows(HEADER).mainContentType(mainContentType).writeTo(dir.resolve("doc.xlsx"));
        expectProblem(() -> readAll(file), "not_xlsx").hasMessageContaining("Excel");
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path file = Files.write(dir.resolve("empty.xlsx"), new byte[0]);
        expectProblem(() -> readAll(file), "empty");
    }

    @Test
    void refusesAFileLargerThanTheLimit() {
        Path file = HandWrittenXlsx.withRows(HEADER).writeTo(dir.resolve("big.xlsx"));
        SheetLimits limits = new SheetLimits(1000, 32_767, 1_000_000, 1000, 1000, 1_000_000, 500);
        expectProblem(() -> readAll(file, limits), "too_large")
                .hasMessageContaining("at most 500 bytes");
    }

    @Test
    void refusesAnEntryDeclaredLargerThanTheUncompressedLimit() {
        Path file = HandWrittenXlsx.withRows(HEADER + "<row r=\"2\"/>".repeat(100_000)).writeTo(dir.resolve("b.xlsx"));
        expectProblem(() -> readAll(file, uncompressedLimit(1_000_000)), "unsafe")
                .hasMessageContaining("xl/worksheets/sheet1.xml would inflate to 1200");
    }

    @Test
    void refusesAnEntryThatInflatesAThousandTimes() {
        Path file = HandWrittenXlsx.withRows(HEADER + "<row/>".repeat(2_000_000)).writeTo(dir.resolve("bomb.xlsx"));
        expectProblem(() -> readAll(file), "unsafe").hasMessageContaining("more than 100 times");
    }

    @Test
    void stopsReadingWhenAnEntryInflatesToMoreThanItsZipDeclares() throws IOException {
        StringBuilder rows = new StringBuilder(HEADER);
        Random random = new Random(11);
        for (int r = 2; r <= 4_000; r++) {
            rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><v>")
                    .append(random.nextLong()).append("</v></c></row>");
        }
        byte[] zip = HandWrittenXlsx.withRows(rows.toString()).bytes();
        Path file = Files.write(dir.resolve("liar.xlsx"),
                HandWrittenXlsx.declareSize(zip, "xl/worksheets/sheet1.xml", 1000));
        expectProblem(() -> readAll(file, uncompressedLimit(50_000)), "unsafe")
                .hasMessageContaining("more than its zip directory declares");
    }

    @Test
    void stopsAnEntryThatLiesAboutItsSizeAndInflatesAThousandTimes() throws IOException {
        byte[] zip = HandWrittenXlsx.withRows(HEADER + "<row/>".repeat(2_000_000)).bytes();
        Path file = Files.write(dir.resolve("lying-bomb.xlsx"),
                HandWrittenXlsx.declareSize(zip, "xl/worksheets/sheet1.xml", 1000));
        expectProblem(() -> readAll(file), "unsafe")
                .hasMessageContaining("xl/worksheets/sheet1.xml: inflates to more than its zip directory declares");
    }

    @Test
    void refusesAPackageOfMoreThanAThousandEntries() {
        HandWrittenXlsx xlsx = HandWrittenXlsx.withRows(HEADER);
        for (int i = 0; i < 1000; i++) {
            xlsx.extraEntry("xl/media/image" + i + ".png", new byte[] {1});
        }
        Path file = xlsx.writeTo(dir.resolve("many.xlsx"));
        expectProblem(() -> readAll(file), "unsafe").hasMessageContaining("at most 1000 files");
    }

    @Test
    void refusesAnExternalEntityInTheSheetWithoutResolvingIt() throws IOException {
        Path file = HandWrittenXlsx.withSheetXml(doctype("worksheet") + "<worksheet xmlns=\"" + MAIN + "\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>")
                .writeTo(dir.resolve("xxe-sheet.xlsx"));
        expectProblem(() -> readAll(file), "unsafe").hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining(secret());
    }

    @Test
    void refusesAnExternalEntityInTheWorkbook() throws IOException {
        Path file = HandWrittenXlsx.withRows(HEADER).workbookXml(doctype("workbook") + "<workbook xmlns=\"" + MAIN
                        + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                        + "<sheet name=\"&xxe;\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
                .writeTo(dir.resolve("xxe-workbook.xlsx"));
        expectProblem(() -> readAll(file), "unsafe").hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining(secret());
    }

    @Test
    void refusesAnExternalEntityInTheSharedStrings() throws IOException {
        Path file = HandWrittenXlsx.withRows("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
                .sharedStringsXml(doctype("sst") + "<sst xmlns=\"" + MAIN + "\"><si><t>&xxe;</t></si></sst>")
                .writeTo(dir.resolve("xxe-strings.xlsx"));
        expectProblem(() -> readAll(file), "unsafe").hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining(secret());
    }

    @Test
    void refusesADoctypeEvenInUtf16Xml() throws IOException {
        byte[] sheet = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + doctype("worksheet") + "<worksheet xmlns=\""
                + MAIN + "\"><sheetData><row r=\"1\">" + inline("A1", "&xxe;") + "</row></sheetData></worksheet>")
                .getBytes(StandardCharsets.UTF_16);
        Path file = HandWrittenXlsx.withRows("").sheetBytes(sheet).writeTo(dir.resolve("xxe-utf16.xlsx"));
        expectProblem(() -> readAll(file), "unsafe").hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining(secret());
    }

    @Test
    void refusesATagLongerThanAnyCellNeeds() {
        String attribute = noise(400_000, "abcdefghijklmnopqrstuvwxyz");
        Path file = HandWrittenXlsx.withRows(HEADER + "<row r=\"2\"><c r=\"A2\" x=\"" + attribute + "\"/></row>")
                .writeTo(dir.resolve("attribute.xlsx"));
        expectProblem(() -> readAll(file), "unsafe").hasMessageContaining("first sheet: more than 393206 bytes");
    }

    @Test
    void refusesAHugeCommentEvenFullOfMarkup() {
        Path file = HandWrittenXlsx.withRows(HEADER + "<!--" + noise(400_000, "abcdefghijklmnopqrstuvwxyz<>") + "-->")
                .writeTo(dir.resolve("comment.xlsx"));
        expectProblem(() -> readAll(file), "unsafe").hasMessageContaining("more than 393206 bytes");
    }

    @Test
    void refusesXmlNestedTooDeep() {
        Path file = HandWrittenXlsx.withRows(HEADER + "<row r=\"2\">" + "<x>".repeat(200) + "</x>".repeat(200)
                + "</row>").writeTo(dir.resolve("deep.xlsx"));
        expectProblem(() -> readAll(file), "unsafe").hasMessageContaining("nested more than 100 levels");
    }

    @Test
    void refusesAHugeSharedStringsTableSuggestingCsv() {
        String[] strings = new String[200];
        Arrays.fill(strings, "0123456789");
        Path file = HandWrittenXlsx.withRows(HEADER).sharedStrings(strings).writeTo(dir.resolve("strings.xlsx"));
        expectProblem(() -> readAll(file, sharedStringsLimit(1000)), "too_large")
                .hasMessageContaining("over 1000 characters").hasMessageContaining("CSV");
    }

    @Test
    void stopsReadingTheSharedStringsOnceOverTheLimit() {
        Path file = HandWrittenXlsx.withRows(HEADER)
                .sharedStringsXml("<sst xmlns=\"" + MAIN + "\">" + "<si><t>0123456789</t></si>".repeat(200)
                        + "<si><t>never read <<< broken")
                .writeTo(dir.resolve("strings.xlsx"));
        expectProblem(() -> readAll(file, sharedStringsLimit(1000)), "too_large");
    }

    @Test
    void acceptsASharedStringsTableJustUnderTheLimit() {
        Path file = HandWrittenXlsx.withRows(HEADER + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>")
                .sharedStrings("0123456789", "abc").writeTo(dir.resolve("strings.xlsx"));
        try (SheetReader reader = SheetReaders.open(file, FileFormat.XLSX, ',', sharedStringsLimit(17))) {
            assertThat(reader.next().cells()).containsExactly("abc", "");
        }
        expectProblem(() -> readAll(file, sharedStringsLimit(16)), "too_large");
    }

    @Test
    void countsTheIndexEntryOfEveryTinySharedString() {
        String[] empty = new String[1000];
        Arrays.fill(empty, "");
        Path file = HandWrittenXlsx.withRows(HEADER).sharedStrings(empty).writeTo(dir.resolve("tiny.xlsx"));
        expectProblem(() -> readAll(file, sharedStringsLimit(1500)), "too_large")
                .hasMessageContaining("over 1500 characters");
    }

    @Test
    void refusesARowWhoseCellsAllPointToOneLongSharedString() {
        String cells = "<c t=\"s\"><v>0</v></c>".repeat(100);
        Path file = HandWrittenXlsx.withRows(HEADER + "<row r=\"2\">" + cells + "</row>")
                .sharedStrings("x".repeat(1000)).writeTo(dir.resolve("amplified.xlsx"));
        SheetLimits defaults = SheetLimits.defaults();
        SheetLimits limits = new SheetLimits(defaults.maxColumns(), defaults.maxCellChars(), 50_000,
                defaults.maxSharedStringsChars(), defaults.maxPackagePartBytes(), defaults.maxUncompressedBytes(),
                defaults.maxFileBytes());
        expectProblem(() -> readAll(file, limits), "too_long")
                .hasMessageContaining("row 2: a row holds at most 50000 characters, all its cells together");
    }

    @Test
    void refusesAContentTypesPartDeclaredLargerThanAPackagePartMayBe() {
        Path file = HandWrittenXlsx.withRows(HEADER).contentTypesComment(noise(50_000, "abcdefghijklmnopqrstuvwxyz"))
                .writeTo(dir.resolve("types.xlsx"));
        expectProblem(() -> readAll(file, packagePartLimit(10_000)), "unsafe")
                .hasMessageContaining("[Content_Types].xml would inflate to 5")
                .hasMessageContaining("a package part (content types, relationships) holds at most 10000");
    }

    @Test
    void stopsARelationshipsPartThatInflatesToMoreThanItDeclares() throws IOException {
        byte[] zip = HandWrittenXlsx.withRows(HEADER).relationshipsComment(noise(50_000, "abcdefghijklmnopqrstuvwxyz"))
                .bytes();
        Path file = Files.write(dir.resolve("rels.xlsx"), HandWrittenXlsx.declareSize(zip, "_rels/.rels", 1000));
        expectProblem(() -> readAll(file, packagePartLimit(10_000)), "unsafe")
                .hasMessageContaining("_rels/.rels: inflates to more than its zip directory declares (1000 bytes)");
    }

    @Test
    void boundsThePartsPoiReadsWhileOpeningThePackageWhateverTheirName() {
        Path file = HandWrittenXlsx.withRows(HEADER).coreProperties("meta/props.xml", "<cp:coreProperties "
                        + "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                        + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>"
                        + noise(50_000, "abcdefghijklmnopqrstuvwxyz") + "</dc:title></cp:coreProperties>")
                .writeTo(dir.resolve("props.xlsx"));
        expectProblem(() -> readAll(file, packagePartLimit(10_000)), "unsafe")
                .hasMessageContaining("meta/props.xml: a package part (content types, relationships, document "
                        + "properties) holds at most 10000 bytes");
    }

    @Test
    void refusesAHeaderCellBeyondTheColumnLimitNamingTheRowAndLimit() {
        String column = SheetXmlRows.columnName(20_000);
        Path file = HandWrittenXlsx.withRows("<row r=\"1\">" + inline("A1", "Name") + inline(column + "1", "far")
                + "</row>").writeTo(dir.resolve("wide.xlsx"));
        expectProblem(() -> readAll(file), "too_many_columns")
                .hasMessageContaining("row 1: at most 1000 columns (A to ALL)");
    }

    @Test
    void refusesADataCellBeyondTheColumnLimitEvenWithoutReferences() {
        Path file = HandWrittenXlsx.withRows(HEADER + "<row r=\"7\">" + "<c><v>1</v></c>".repeat(1001) + "</row>")
                .writeTo(dir.resolve("wide.xlsx"));
        expectProblem(() -> readAll(file), "too_many_columns").hasMessageContaining("row 7: at most 1000 columns");
    }

    @Test
    void refusesAColumnReferenceOfAbsurdLengthWithoutOverflowing() {
        Path file = HandWrittenXlsx.withRows(HEADER + "<row r=\"2\">" + inline("Z".repeat(40) + "2", "x") + "</row>")
                .writeTo(dir.resolve("wide.xlsx"));
        expectProblem(() -> readAll(file), "too_many_columns").hasMessageContaining("row 2");
    }

    @Test
    void refusesACellLongerThanTheLimitNamingRowAndColumn() {
        String long32768 = "x".repeat(32_768);
        Path inline = HandWrittenXlsx.withRows(HEADER + "<row r=\"2\">" + inline("A2", "ok")
                + inline("B2", long32768) + "</row>").writeTo(dir.resolve("inline.xlsx"));
        expectProblem(() -> readAll(inline), "too_long").hasMessageContaining("row 2, column B")
                .hasMessageContaining("at most 32767 characters");
        Path shared = HandWrittenXlsx.withRows(HEADER + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>0</v></c></row>")
                .sharedStrings(long32768).writeTo(dir.resolve("shared.xlsx"));
        expectProblem(() -> readAll(shared), "too_long").hasMessageContaining("row 3, column A");
    }

    @Test
    void refusesXmlThatIsNotWellFormedNamingThePart() {
        Path file = HandWrittenXlsx.withRows(HEADER + "<row r=\"2\"><c r=\"A2\"><v>1</c></row>")
                .writeTo(dir.resolve("broken.xlsx"));
        expectProblem(() -> readAll(file), "malformed").hasMessageContaining("first sheet: is not well-formed XML");
    }

    @Test
    void refusesASharedStringIndexTheTableDoesNotHave() {
        Path file = HandWrittenXlsx.withRows(HEADER + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>5</v></c></row>")
                .sharedStrings("only one").writeTo(dir.resolve("index.xlsx"));
        expectProblem(() -> readAll(file), "malformed").hasMessageContaining("row 2, column A")
                .hasMessageContaining("shared string 5, the workbook has 1");
    }

    private String doctype(String root) throws IOException {
        Path secretFile = Files.writeString(dir.resolve("secret.txt"), secret());
        return "<!DOCTYPE " + root + " [<!ENTITY xxe SYSTEM \"" + secretFile.toUri() + "\">]>";
    }

    /** @return random text of this alphabet, which compresses too little to look like a zip bomb */
    private static String noise(int length, String alphabet) {
        Random random = new Random(length);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String secret() {
        return "TOP-SECRET-42";
    }

    private static void readAll(Path file) {
        readAll(file, SheetLimits.defaults());
    }

    private static void readAll(Path file, SheetLimits limits) {
        try (SheetReader reader = SheetReaders.open(file, FileFormat.XLSX, ',', limits)) {
            reader.header();
            Rows.all(reader);
        }
    }

    private static SheetLimits uncompressedLimit(long bytes) {
        SheetLimits defaults = SheetLimits.defaults();
        return new SheetLimits(defaults.maxColumns(), defaults.maxCellChars(), defaults.maxRowChars(),
                defaults.maxSharedStringsChars(), defaults.maxPackagePartBytes(), bytes, defaults.maxFileBytes());
    }

    private static SheetLimits packagePartLimit(long bytes) {
        SheetLimits defaults = SheetLimits.defaults();
        return new SheetLimits(defaults.maxColumns(), defaults.maxCellChars(), defaults.maxRowChars(),
                defaults.maxSharedStringsChars(), bytes, defaults.maxUncompressedBytes(), defaults.maxFileBytes());
    }

    private static SheetLimits sharedStringsLimit(long chars) {
        SheetLimits defaults = SheetLimits.defaults();
        return new SheetLimits(defaults.maxColumns(), defaults.maxCellChars(), defaults.maxRowChars(), chars,
                defaults.maxPackagePartBytes(), defaults.maxUncompressedBytes(), defaults.maxFileBytes());
    }
}
