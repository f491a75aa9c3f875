package io.crmkit.impl.sheet;

import static io.crmkit.impl.sheet.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.error.ValidationException;
import io.crmkit.api.io.FileFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvSheetReaderTest {

    @TempDir
    Path dir;

    private int files;

    @Test
    void readsTheHeaderThenEachRowWithItsLineNumber() {
        try (SheetReader reader = open("Name,Phone,City\nLan,0912345678,Hanoi\nMinh,0987654321,Hue\n")) {
            assertThat(reader.header()).containsExactly("Name", "Phone", "City");
            assertThat(Rows.all(reader)).containsExactly(
                    new SheetRow(2, List.of("Lan", "0912345678", "Hanoi")),
                    new SheetRow(3, List.of("Minh", "0987654321", "Hue")));
        }
    }

    @Test
    void stripsAByteOrderMarkAndTheHeaderCellsButNotTheDataCells() {
        try (SheetReader reader = open("\uFEFF Name , City ,,\n  Lan , Hanoi\n")) {
            assertThat(reader.header()).containsExactly("Name", "City");
            assertThat(Rows.cells(reader)).containsExactly(List.of("  Lan ", " Hanoi"));
        }
    }

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|'})
    void splitsFieldsOnTheDelimiterGiven(char delimiter) {
        String d = String.valueOf(delimiter);
        try (SheetReader reader = open("Name" + d + "Note\nLan" + d + "\"a" + d + "b\"\n", delimiter)) {
            assertThat(reader.header()).containsExactly("Name", "Note");
            assertThat(Rows.cells(reader)).containsExactly(List.of("Lan", "a" + d + "b"));
        }
    }

    @Test
    void quotedFieldsHoldTheDelimiterDoubledQuotesAndLineBreaks() {
        String csv = "Name,Address,Note\n"
                + "\"Lan, Tran\",\"12 Hang Bac\r\nHanoi\",\"she said \"\"hi\"\"\"\n"
                + "Minh,\"\",x\n";
        try (SheetReader reader = open(csv)) {
            reader.header();
            assertThat(Rows.all(reader)).containsExactly(
                    new SheetRow(2, List.of("Lan, Tran", "12 Hang Bac\r\nHanoi", "she said \"hi\"")),
                    new SheetRow(4, List.of("Minh", "", "x")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n", "\r"})
    void endsRecordsAtCrLfLfOrCr(String lineEnd) {
        String csv = String.join(lineEnd, "Name,City", "Lan,Hanoi", "", "Minh,Hue") + lineEnd;
        try (SheetReader reader = open(csv)) {
            assertThat(reader.header()).containsExactly("Name", "City");
            assertThat(Rows.all(reader)).containsExactly(
                    new SheetRow(2, List.of("Lan", "Hanoi")),
                    new SheetRow(4, List.of("Minh", "Hue")));
        }
    }

    @Test
    void readsTheLastRecordWithoutALineEnd() {
        try (SheetReader reader = open("Name\nLan")) {
            reader.header();
            assertThat(Rows.all(reader)).containsExactly(new SheetRow(2, List.of("Lan")));
        }
    }

    @Test
    void skipsBlankRowsIncludingOnesOfOnlyDelimitersAndSpaces() {
        try (SheetReader reader = open("\n ,\nName,City\n,,\n  \nLan,Hanoi\n\n")) {
            assertThat(reader.header()).containsExactly("Name", "City");
            assertThat(Rows.all(reader)).containsExactly(new SheetRow(6, List.of("Lan", "Hanoi")));
        }
    }

    @Test
    void padsShortRowsToTheHeaderAndKeepsExtraCellsThatHoldText() {
        try (SheetReader reader = open("A,B,C\n1\n1,2,3,,5,,\n")) {
            reader.header();
            assertThat(Rows.cells(reader)).containsExactly(List.of("1", "", ""), List.of("1", "2", "3", "", "5"));
        }
    }

    @Test
    void aHeaderOnlyFileHasNoRows() {
        try (SheetReader reader = open("Name,City\r\n")) {
            assertThat(reader.header()).containsExactly("Name", "City");
            assertThat(reader.next()).isNull();
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void nextReadsTheHeaderFirstWhenNotAskedFor() {
        try (SheetReader reader = open("Name\nLan\n")) {
            assertThat(reader.next()).isEqualTo(new SheetRow(2, List.of("Lan")));
            assertThat(reader.header()).containsExactly("Name");
        }
    }

    @Test
    void aFileOfBlankLinesHasNoHeader() {
        try (SheetReader reader = open("\n , \n\r\n")) {
            expectProblem(reader::header, "empty");
        }
    }

    @Test
    void anEmptyFileIsRefusedWhenOpened() {
        expectProblem(() -> open(""), "empty").hasMessageContaining("0 bytes");
    }

    @Test
    void keepsAQuoteInsideAnUnquotedFieldAndTextAfterAClosingQuote() {
        try (SheetReader reader = open("A,B\n5\" screen,\"12\"mm\n")) {
            reader.header();
            assertThat(Rows.cells(reader)).containsExactly(List.of("5\" screen", "12mm"));
        }
    }

    @Test
    void readsUtf8TextInAnyScript() {
        try (SheetReader reader = open("Tên,Thành phố\nNguyễn Văn Ấn,Hà Nội 🏙\n")) {
            assertThat(reader.header()).containsExactly("Tên", "Thành phố");
            assertThat(Rows.cells(reader)).containsExactly(List.of("Nguyễn Văn Ấn", "Hà Nội 🏙"));
        }
    }

    @Test
    void refusesBytesThatAreNotUtf8NamingTheLine() {
        byte[] latin1 = "Name\nLan\nJos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        try (SheetReader reader = open(write(latin1))) {
            assertThat(reader.next()).isEqualTo(new SheetRow(2, List.of("Lan")));
            expectProblem(reader::next, "encoding").hasMessage("1 invalid field: file: line 3: the bytes are not valid "
                    + "UTF-8. Save the file as \"CSV UTF-8\"");
        }
    }

    @Test
    void namesTheRightLineForBadBytesFarIntoTheFile() {
        String lines = "Name\n" + "Nguyễn Văn Ấn\n".repeat(9_998);
        byte[] good = lines.getBytes(StandardCharsets.UTF_8);
        byte[] bad = Arrays.copyOf(good, good.length + 3);
        System.arraycopy(new byte[] {'x', (byte) 0xC3, '\n'}, 0, bad, good.length, 3);
        try (SheetReader reader = open(write(bad))) {
            for (int row = 1; row <= 9_998; row++) {
                assertThat(reader.next()).isNotNull();
            }
            expectProblem(reader::next, "encoding").hasMessageContaining("line 10000:");
        }
    }

    @Test
    void refusesBadBytesAtTheVeryStart() {
        byte[] bad = {(byte) 0xFF, 'N', 'a', 'm', 'e', '\n'};
        expectProblem(() -> open(write(bad)), "encoding").hasMessageContaining("line 1:");
    }

    @Test
    void refusesAFileCutInTheMiddleOfACharacter() {
        byte[] utf8 = "Name\nHà".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(utf8, utf8.length - 1);
        try (SheetReader reader = open(write(cut))) {
            expectProblem(reader::next, "encoding").hasMessageContaining("line 2");
        }
    }

    @Test
    void refusesUtf16Text() {
        byte[] utf16 = "\uFEFFName\nLan\n".getBytes(StandardCharsets.UTF_16LE);
        expectProblem(() -> open(write(utf16)), "encoding").hasMessageContaining("UTF-16");
    }

    @Test
    void refusesAnUnterminatedQuoteNamingTheLineWhereItBegan() {
        try (SheetReader reader = open("Name,Note\nLan,ok\nMinh,\"never closed\nmore\nand more\n")) {
            assertThat(reader.next().number()).isEqualTo(2);
            expectProblem(reader::next, "malformed").hasMessageContaining("line 3, column 2");
        }
    }

    @Test
    void stopsAnUnterminatedQuoteAtTheCellLimitInsteadOfReadingOn() {
        String csv = "Name\n\"" + "x".repeat(5_000) + "\n" + "y".repeat(5_000);
        try (SheetReader reader = SheetReaders.open(write(csv), FileFormat.CSV, ',', limits(10, 1_000))) {
            expectProblem(reader::next, "too_long").hasMessageContaining("line 2, column 1")
                    .hasMessageContaining("at most 1000 characters");
        }
    }

    @Test
    void acceptsACellOfExactlyTheLimitAndRefusesOneMore() {
        SheetLimits limits = limits(10, 5);
        try (SheetReader reader = SheetReaders.open(write("A\n12345\n123456\n"), FileFormat.CSV, ',', limits)) {
            assertThat(reader.next().cells()).containsExactly("12345");
            expectProblem(reader::next, "too_long").hasMessageContaining("line 3, column 1");
        }
    }

    @Test
    void refusesMoreColumnsThanTheLimitInTheHeaderOrARow() {
        SheetLimits limits = limits(3, 100);
        try (SheetReader reader = SheetReaders.open(write("A,B,C,D\n"), FileFormat.CSV, ',', limits)) {
            expectProblem(reader::header, "too_many_columns").hasMessageContaining("line 1: at most 3 columns");
        }
        try (SheetReader reader = SheetReaders.open(write("A,B,C\n1,2,3\n1,2,3,4\n"), FileFormat.CSV, ',', limits)) {
            assertThat(reader.next().cells()).containsExactly("1", "2", "3");
            expectProblem(reader::next, "too_many_columns").hasMessageContaining("line 3: at most 3 columns");
        }
    }

    @Test
    void refusesARowWhoseCellsTogetherPassTheRowLimitNamingTheLineAndLimit() {
        SheetLimits limits = new SheetLimits(10, 100, 250, 1000, 1000, 1_000_000, 1_000_000);
        String cells = "x".repeat(100) + "," + "y".repeat(100);
        try (SheetReader reader = SheetReaders.open(write("A,B,C\n" + cells + ",z\n" + cells + "," + "z".repeat(51)
                + "\n"), FileFormat.CSV, ',', limits)) {
            assertThat(reader.next().cells()).hasSize(3);
            expectProblem(reader::next, "too_long").hasMessageContaining("line 3: a row holds at most 250 characters");
        }
    }

    @Test
    void refusesAFileLargerThanTheLimit() {
        SheetLimits limits = new SheetLimits(10, 100, 1000, 100, 1000, 1000, 10);
        expectProblem(() -> SheetReaders.open(write("Name\nLan Tran\n"), FileFormat.CSV, ',', limits), "too_large")
                .hasMessageContaining("at most 10 bytes, this file has 14");
    }

    @Test
    void refusesAnXlsxOrBinaryFileOpenedAsCsv() {
        Path xlsx = HandWrittenXlsx.withRows("<row r=\"1\">" + HandWrittenXlsx.inline("A1", "Name") + "</row>")
                .writeTo(dir.resolve("book.csv"));
        expectProblem(() -> open(xlsx), "not_csv").hasMessageContaining("zip archive");
        byte[] binary = {'N', 'a', 'm', 'e', 0, 1, 2, '\n'};
        expectProblem(() -> open(write(binary)), "not_csv").hasMessageContaining("NUL bytes");
    }

    @ParameterizedTest
    @ValueSource(chars = {'"', '\n', '\r'})
    void refusesADelimiterThatCannotSeparateFields(char delimiter) {
        assertThatThrownBy(() -> SheetReaders.open(write("A\n"), FileFormat.CSV, delimiter, SheetLimits.defaults()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).code())
                        .isEqualTo("invalid_delimiter"));
    }

    @Test
    void refusesUseAfterClose() {
        SheetReader reader = open("Name\n");
        reader.close();
        reader.close();
        assertThatThrownBy(reader::next).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void streams200000RowsOneByOne() throws IOException {
        Path file = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("Name,Phone,Email,City\n");
            for (int i = 1; i <= 200_000; i++) {
                out.write("Customer " + i + ",+8491" + (1_000_000 + i) + ",c" + i + "@example.com,\"Ha Noi, VN\"\n");
            }
        }
        long count = 0;
        SheetRow last = null;
        try (SheetReader reader = SheetReaders.open(file, FileFormat.CSV, ',', SheetLimits.defaults())) {
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                count++;
                last = row;
            }
        }
        assertThat(count).isEqualTo(200_000);
        assertThat(last).isEqualTo(new SheetRow(200_001,
                List.of("Customer 200000", "+84911200000", "c200000@example.com", "Ha Noi, VN")));
    }

    private SheetReader open(String csv) {
        return open(csv, ',');
    }

    private SheetReader open(String csv, char delimiter) {
        return SheetReaders.open(write(csv), FileFormat.CSV, delimiter, SheetLimits.defaults());
    }

    private static SheetReader open(Path file) {
        return SheetReaders.open(file, FileFormat.CSV, ',', SheetLimits.defaults());
    }

    private Path write(String csv) {
        return write(csv.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(byte[] bytes) {
        try {
            return Files.write(dir.resolve("file" + ++files + ".csv"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SheetLimits limits(int maxColumns, int maxCellChars) {
        return new SheetLimits(maxColumns, maxCellChars, 1_000_000, 1_000, 1_000, 1_000_000, 1_000_000);
    }
}
