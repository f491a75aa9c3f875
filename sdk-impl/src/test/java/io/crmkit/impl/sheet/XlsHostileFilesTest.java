package io.crmkit.impl.sheet;

import static io.crmkit.impl.sheet.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.io.FileFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** .xls files built to fail or to attack: each gets its own clear error, never a POI exception. */
class XlsHostileFilesTest {

    /** 3 columns, 10 characters a cell, 25 a row, 100 shared-strings characters. */
    private static final SheetLimits SMALL = new SheetLimits(3, 10, 25, 100, 1L << 20, 1L << 30, 1L << 20);

    @TempDir
    Path dir;

    @Test
    void refusesACellBeyondTheLastColumnAllowed() throws IOException {
        Path file = write(sheet -> {
            XlsSheetReaderTest.cells(sheet.createRow(0), "A", "B", "C");
            sheet.createRow(1).createCell(3).setCellValue("too far");
        });
        try (SheetReader reader = open(file, SMALL)) {
            assertThat(reader.header()).containsExactly("A", "B", "C");
            expectProblem(reader::next, "too_many_columns").hasMessageEndingWith("file: row 2: at most 3 columns (A to C), this "
                    + "row has a cell further right. Remove the extra columns");
        }
    }

    @Test
    void refusesACellLongerThanAllowedOneCharacterPastTheLimit() throws IOException {
        Path file = write(sheet -> {
            XlsSheetReaderTest.cells(sheet.createRow(0), "Name");
            XlsSheetReaderTest.cells(sheet.createRow(1), "x".repeat(10));
            XlsSheetReaderTest.cells(sheet.createRow(2), "y".repeat(11));
        });
        try (SheetReader reader = open(file, SMALL)) {
            assertThat(reader.next().cells()).containsExactly("x".repeat(10));
            expectProblem(reader::next, "too_long").hasMessageEndingWith("file: row 3, column A: a cell holds at most 10 "
                    + "characters, this one is longer");
        }
    }

    @Test
    void refusesARowWhoseCellsTogetherAreLongerThanAllowed() throws IOException {
        Path file = write(sheet -> {
            XlsSheetReaderTest.cells(sheet.createRow(0), "A", "B", "C");
            XlsSheetReaderTest.cells(sheet.createRow(1), "x".repeat(9), "x".repeat(9), "x".repeat(9));
        });
        try (SheetReader reader = open(file, SMALL)) {
            expectProblem(reader::next, "too_long").hasMessageContaining("file: row 2: a row holds at most 25 "
                    + "characters");
        }
    }

    @Test
    void refusesSharedStringsOverTheLimitAndGivesTheirMemoryBack() throws IOException {
        long before = TableMemory.JVM.reserved();
        Path file = write(sheet -> {
            XlsSheetReaderTest.cells(sheet.createRow(0), "Name");
            for (int i = 1; i <= 20; i++) {
                XlsSheetReaderTest.cells(sheet.createRow(i), "name " + i);
            }
        });
        expectProblem(() -> open(file, SMALL), "too_large").hasMessageContaining("shared strings: the workbook's "
                + "text (its shared strings) is over 100 characters");
        assertThat(TableMemory.JVM.reserved()).isEqualTo(before);
    }

    @Test
    void aTableClaimingBillionsOfStringsReadsOnlyThoseItHolds() {
        Path file = HandWrittenXls.globals(HandWrittenXls.BIFF8).boundSheet(0, "S").sst(0xFFFF_FFFFL, "Name")
                .record(0x000A).bof(HandWrittenXls.BIFF8, 0x0010).raw(HandWrittenXls.label(0, 0, 0))
                .record(0x000A).writeTo(dir.resolve("lying.xls"));
        try (SheetReader reader = XlsSheetReaderTest.open(file)) {
            assertThat(reader.header()).containsExactly("Name");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void refusesAFileCutShortNamingIt() throws IOException {
        Path whole = write(sheet -> {
            for (int i = 0; i < 2000; i++) {
                XlsSheetReaderTest.cells(sheet.createRow(i), "name " + i, "city " + i);
            }
        });
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.xls"), Arrays.copyOf(bytes, bytes.length / 2));
        expectProblem(() -> readAll(cut), "malformed").hasMessageContaining("Excel 97-2003 (.xls)")
                .hasMessageContaining("cut short");
    }

    @Test
    void refusesAStreamThatEndsInsideTheSheet() {
        Path file = HandWrittenXls.globals(HandWrittenXls.BIFF8).boundSheet(0, "S").sst(1, "Name")
                .record(0x000A).bof(HandWrittenXls.BIFF8, 0x0010).raw(HandWrittenXls.label(0, 0, 0))
                .raw(HandWrittenXls.number(1, 0, 7)).writeTo(dir.resolve("no-end.xls"));
        try (SheetReader reader = XlsSheetReaderTest.open(file)) {
            expectProblem(() -> Rows.all(reader), "malformed").hasMessageContaining("ends in the middle of its "
                    + "first sheet (cut short?), after row 1");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void refusesRandomBytesAfterTheOle2Signature(int seed) throws IOException {
        byte[] noise = new byte[8192 + seed * 1000];
        new Random(seed).nextBytes(noise);
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 0, noise, 0, 8);
        Path file = Files.write(dir.resolve("noise.xls"), noise);
        expectProblem(() -> readAll(file), "malformed");
    }

    @Test
    void refusesAnOle2SignatureWithoutTheRestOfAHeader() throws IOException {
        Path file = Files.write(dir.resolve("signature.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
                (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0});
        expectProblem(() -> readAll(file), "malformed").hasMessageContaining("ends inside its header");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void refusesRandomRecordsInAValidContainer(int seed) {
        byte[] noise = new byte[20_000];
        new Random(seed).nextBytes(noise);
        Path file = HandWrittenXls.globals(HandWrittenXls.BIFF8).boundSheet(0, "S").raw(noise)
                .writeTo(dir.resolve("records.xls"));
        expectProblem(() -> readAll(file), "malformed");
    }

    @Test
    void refusesAnEncryptedWorkbookAskingToRemoveThePassword() throws IOException {
        Path file = dir.resolve("secret.xls");
        Biff8EncryptionKey.setCurrentUserPassword("secret");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XlsSheetReaderTest.cells(workbook.createSheet("Customers").createRow(0), "Name");
            workbook.write(out);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        expectProblem(() -> readAll(file), "encrypted").hasMessageContaining("remove the password");
    }

    @Test
    void refusesAnEncryptedXlsxWhicheverExcelFormatItClaims() throws IOException {
        Path file = dir.resolve("secret.xlsx");
        try (POIFSFileSystem poifs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            poifs.createDocument(new ByteArrayInputStream(new byte[64]), "EncryptionInfo");
            poifs.createDocument(new ByteArrayInputStream(new byte[4096]), "EncryptedPackage");
            poifs.writeFilesystem(out);
        }
        expectProblem(() -> readAll(file, FileFormat.XLSX), "encrypted");
        expectProblem(() -> readAll(file, FileFormat.XLS), "encrypted");
    }

    @Test
    void refusesAnExcel95WorkbookAskingToSaveItAsXlsx() {
        byte[] biff5 = HandWrittenXls.globals(HandWrittenXls.BIFF5).record(0x000A).bytes();
        Path book = HandWrittenXls.container(dir.resolve("excel95.xls"), "Book", biff5);
        expectProblem(() -> readAll(book), "not_xls").hasMessageContaining("Excel 95 or older")
                .hasMessageContaining("save it as \"Excel Workbook (.xlsx)\"");
        expectProblem(() -> readAll(book, FileFormat.XLSX), "not_xlsx").hasMessageContaining("Excel 95 or older");

        Path inWorkbookStream = HandWrittenXls.container(dir.resolve("excel95-stream.xls"), "Workbook", biff5);
        expectProblem(() -> readAll(inWorkbookStream), "not_xls").hasMessageContaining("Excel 95 or older");
    }

    @Test
    void refusesAnOfficeFileThatIsNoWorkbook() {
        Path file = HandWrittenXls.container(dir.resolve("letter.xls"), "WordDocument", new byte[4096]);
        expectProblem(() -> readAll(file), "not_xls").hasMessageContaining("not an Excel workbook");
    }

    @Test
    void refusesAWorkbookWithoutSheets() {
        Path file = HandWrittenXls.globals(HandWrittenXls.BIFF8).sst(1, "Name").record(0x000A)
                .writeTo(dir.resolve("no-sheets.xls"));
        expectProblem(() -> readAll(file), "empty").hasMessageContaining("no sheet");
    }

    @Test
    void refusesAWorkbookListingASheetItDoesNotHold() {
        Path file = HandWrittenXls.globals(HandWrittenXls.BIFF8).boundSheet(0, "S").record(0x000A)
                .writeTo(dir.resolve("missing-sheet.xls"));
        expectProblem(() -> readAll(file), "malformed").hasMessageContaining("does not hold");
    }

    @Test
    void refusesTextOrAZipThatIsNoWorkbookNamedXls() throws IOException {
        Path text = Files.writeString(dir.resolve("customers.xls"), "Name,Phone\nLan,0912345678\n");
        expectProblem(() -> readAll(text), "not_xls").hasMessageContaining("looks like text, so choose CSV");
    }

    @Test
    void refusesAnXlsClaimedAsCsv() throws IOException {
        Path file = write(sheet -> XlsSheetReaderTest.cells(sheet.createRow(0), "Name"));
        expectProblem(() -> SheetReaders.open(file, FileFormat.CSV, ',', SheetLimits.defaults()), "not_csv")
                .hasMessageContaining("Office 97-2003 file (an .xls workbook?)");
    }

    @Test
    void refusesAFileOverTheSizeLimitBeforeOpeningIt() throws IOException {
        Path file = write(sheet -> XlsSheetReaderTest.cells(sheet.createRow(0), "Name"));
        SheetLimits tiny = new SheetLimits(3, 10, 25, 100, 1L << 20, 1L << 30, Files.size(file) - 1);
        expectProblem(() -> open(file, tiny), "too_large").hasMessageContaining("at most " + (Files.size(file) - 1));
    }

    @Test
    void refusesAContainerWithMoreDirectoryEntriesThanAWorkbookHolds() throws IOException {
        Path file = dir.resolve("directory.xls");
        try (POIFSFileSystem poifs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            poifs.createDocument(new ByteArrayInputStream(HandWrittenXls.oneSheet(HandWrittenXls.label(0, 0, 0),
                    "Name").bytes()), "Workbook");
            for (int i = 0; i < Ole2Check.MAX_ENTRIES; i++) {
                poifs.createDocument(new ByteArrayInputStream(new byte[0]), "e" + i);
            }
            poifs.writeFilesystem(out);
        }
        expectProblem(() -> readAll(file), "unsafe").hasMessageContaining("directory holds more than 1000 entries");
    }

    @Test
    void readsAContainerWithAFewHundredDirectoryEntries() throws IOException {
        Path file = dir.resolve("many-parts.xls");
        try (POIFSFileSystem poifs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            poifs.createDocument(new ByteArrayInputStream(HandWrittenXls.oneSheet(HandWrittenXls.label(0, 0, 0),
                    "Name").bytes()), "Workbook");
            for (int i = 0; i < Ole2Check.MAX_ENTRIES - 10; i++) {
                poifs.createDocument(new ByteArrayInputStream(new byte[0]), "e" + i);
            }
            poifs.writeFilesystem(out);
        }
        try (SheetReader reader = XlsSheetReaderTest.open(file)) {
            assertThat(reader.header()).containsExactly("Name");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0x2C, 0x40, 0x48})
    void refusesAHeaderDeclaringMoreAllocationSectorsThanTheFileCanUse(int field) throws IOException {
        Path whole = write(sheet -> XlsSheetReaderTest.cells(sheet.createRow(0), "Name"));
        byte[] bytes = Files.readAllBytes(whole);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(field, 5_000_000);
        Path file = Files.write(dir.resolve("lying-header.xls"), bytes);
        expectProblem(() -> readAll(file), "malformed").hasMessageContaining("declares 5000000 sectors");
    }

    private static SheetReader open(Path file, SheetLimits limits) {
        return SheetReaders.open(file, FileFormat.XLS, ',', limits);
    }

    private static void readAll(Path file) {
        readAll(file, FileFormat.XLS);
    }

    private static void readAll(Path file, FileFormat format) {
        try (SheetReader reader = SheetReaders.open(file, format, ',', SheetLimits.defaults())) {
            reader.header();
            Rows.all(reader);
        }
    }

    private Path write(Consumer<Sheet> fill) throws IOException {
        Path file = Files.createTempFile(dir, "book", ".xls");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            fill.accept(workbook.createSheet("Data"));
            workbook.write(out);
        }
        return file;
    }
}
