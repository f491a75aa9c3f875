package io.crmkit.impl.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.error.ValidationException;
import io.crmkit.api.io.FileFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvSheetWriterTest {

    private static final String BOM = "\uFEFF";

    @Test
    void startsWithAByteOrderMarkAndEndsEveryLineWithCrLf() {
        byte[] bytes = csv(',', List.of("name", "city"), List.of("Lan", "Hanoi"), List.of("Minh", "Hue"));

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo(BOM + "name,city\r\nLan,Hanoi\r\nMinh,Hue\r\n");
    }

    @Test
    void quotesFieldsHoldingADelimiterAQuoteOrALineBreakAndDoublesTheirQuotes() {
        String text = text(',', List.of("a"),
                List.of("a,b", "say \"hi\"", "line1\r\nline2", "cr\rhere", "lf\nhere", "plain; text", "plain text"));

        assertThat(text).endsWith("\"a,b\",\"say \"\"hi\"\"\",\"line1\r\nline2\",\"cr\rhere\",\"lf\nhere\","
                + "\"plain; text\",plain text\r\n");
    }

    @Test
    void quotedFieldsReadBackAsTheyWereWritten() {
        List<String> values = List.of("a,b", "say \"hi\"", "line1\r\nline2", "\"", ",", "\n\r", "", "ünïcødé 越南");

        List<List<String>> read = parse(text(',', List.of("h"), values), ',');

        assertThat(read.get(0)).containsExactly("h");
        assertThat(read.get(1)).extracting(CellText::unneutralize).containsExactlyElementsOf(values);
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.impl.sheet.CellTextTest#hostileTexts")
    void writesATextThatStartsLikeAFormulaWithALeadingApostrophe(String hostile) {
        List<String> row = parse(text(',', List.of("h"), List.of(hostile, "x")), ',').get(1);

        assertThat(row.get(0)).startsWith("'").isEqualTo("'" + hostile);
        assertThat(CellText.unneutralize(row.get(0))).isEqualTo(hostile);
    }

    @Test
    void guardsTheHeaderToo() {
        assertThat(text(',', List.of("=1+1", "name"))).isEqualTo(BOM + "'=1+1,name\r\n");
    }

    @Test
    void writesEachValueTypeInItsTextFormAndLeavesNegativeNumbersUnguarded() {
        List<Object> values = Arrays.asList(null, -5L, 1e20, new BigDecimal("12.50"), true,
                LocalDate.of(2024, 1, 31), Instant.parse("2024-03-05T10:15:30Z"), List.of("vip", "new"));

        assertThat(text(',', List.of("h"), values))
                .endsWith("\r\n,-5,100000000000000000000,12.50,TRUE,2024-01-31,2024-03-05 10:15:30,\"vip; new\"\r\n");
    }

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|'})
    void separatesFieldsWithTheGivenDelimiterAndQuotesEveryFieldHoldingAnyDelimiter(char delimiter) {
        String text = text(delimiter, List.of("a", "b"), List.of("x" + delimiter + "y", "1,5", "a;b", "a|b", "a\tb", "ab"));

        String d = String.valueOf(delimiter);
        assertThat(text).isEqualTo(BOM + "a" + d + "b\r\n" + String.join(d, "\"x" + d + "y\"", "\"1,5\"", "\"a;b\"",
                "\"a|b\"", "\"a\tb\"", "ab") + "\r\n");
    }

    /** Texts that hide a formula after a delimiter, for a spreadsheet that splits on another one than the file's. */
    static List<String> formulasAfterADelimiter() {
        return List.of("x;=cmd|'/C calc'!A0;", "x,=1+1", "x|+1", "x\t-2", "a;@SUM(A1)", "a;\t=1", "a,\r=1",
                "a;'=b", "a;\"=b", "a;\"'=b", "a\t\t=b", "x;=1;=2,+3|-4\t@5");
    }

    @ParameterizedTest
    @MethodSource("formulasAfterADelimiter")
    void guardsAFormulaAfterEveryDelimiterInsideAField(String hostile) {
        for (char delimiter : ",;|\t".toCharArray()) {
            String text = text(delimiter, List.of("h"), List.of("ok", hostile));
            String row = text.substring(text.indexOf("\r\n") + 2, text.length() - 2);

            for (char split : ",;|\t".toCharArray()) {
                for (String piece : row.split(java.util.regex.Pattern.quote(String.valueOf(split)), -1)) {
                    String unquoted = piece.replaceFirst("^\"+", "");
                    assertThat(unquoted.isEmpty() || "=+-@\t\r".indexOf(unquoted.charAt(0)) < 0)
                            .as("'%s' written with '%s', split on '%s': piece '%s'", hostile, delimiter, split, piece)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void writesTheExampleOfAFormulaAfterASemicolonQuotedAndGuarded() {
        assertThat(text(',', List.of("name"), List.of("x;=cmd|'/C calc'!A0;")))
                .isEqualTo(BOM + "name\r\n\"x;'=cmd|'/C calc'!A0;\"\r\n");
    }

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|'})
    void theCsvReaderReadsTheExportBackToTheSameValues(char delimiter, @TempDir Path dir) throws IOException {
        List<String> values = new ArrayList<>(CellTextTest.roundTripTexts());
        values.addAll(formulasAfterADelimiter());
        values.addAll(List.of("a,b", "1,5", "a;b; c", "say \"hi\"", "line1\r\nline2", "vip; -x", "'", "''=x;''=y"));
        Path file = dir.resolve("export.csv");
        Files.write(file, csv(delimiter, List.of("h"), values));

        try (SheetReader reader = SheetReaders.open(file, FileFormat.CSV, delimiter, SheetLimits.defaults())) {
            List<String> read = reader.next().cells().stream().map(CellText::unneutralize).toList();

            assertThat(read).containsExactlyElementsOf(values.stream()
                    .map(value -> value.isBlank() ? value.strip() : value).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(chars = {'"', '\r', '\n'})
    void rejectsADelimiterThatCannotSeparateFields(char delimiter) {
        assertThatThrownBy(() -> SheetWriters.open(new ByteArrayOutputStream(), FileFormat.CSV, delimiter))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors().get(0).code()).isEqualTo("bad_delimiter");
                    assertThat(e.errors().get(0).message()).contains(String.format("U+%04X", (int) delimiter));
                });
    }

    @Test
    void createsNoFileForARejectedDelimiter(@TempDir Path dir) {
        Path file = dir.resolve("out.csv");

        assertThatThrownBy(() -> SheetWriters.open(file, FileFormat.CSV, '"')).isInstanceOf(ValidationException.class);
        assertThat(file).doesNotExist();
    }

    @Test
    void writesTheWholeFileItWasOpenedOn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.csv");
        try (SheetWriter writer = SheetWriters.open(file, FileFormat.CSV, ',')) {
            writer.header(List.of("name"));
            writer.row(List.of("Lan"));
        }

        assertThat(Files.readString(file)).isEqualTo(BOM + "name\r\nLan\r\n");
    }

    private static String text(char delimiter, List<String> header, List<?>... rows) {
        return new String(csv(delimiter, header, rows), StandardCharsets.UTF_8);
    }

    private static byte[] csv(char delimiter, List<String> header, List<?>... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = SheetWriters.open(out, FileFormat.CSV, delimiter)) {
            writer.header(header);
            for (List<?> row : rows) {
                writer.row(row);
            }
        }
        return out.toByteArray();
    }

    /** Reads CSV as RFC 4180 says, after the byte order mark; enough to check what the writer wrote. */
    private static List<List<String>> parse(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = text.startsWith(BOM) ? 1 : 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
