package io.crmkit.io;

import static io.crmkit.impl.sheet.HandWrittenXlsx.inline;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.impl.sheet.HandWrittenXls;
import io.crmkit.impl.sheet.HandWrittenXlsx;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files built to exhaust memory, each imported by the real import service on embedded H2 in a JVM of its own
 * with a 256 MiB heap ({@link SmallHeapImport}): each ends in a clear refusal or a bounded success, never in an
 * OutOfMemoryError.
 */
class HostileUploadsAtSmallHeapTest {

    private static final String HEAP = "-Xmx256m";
    private static final int LONGEST_CELL = 32_767;

    @TempDir
    Path dir;

    @Test
    void aSharedStringReferencedByEveryCellIsRefusedAtTheFirstRowItAmplifies() throws Exception {
        StringBuilder rows = new StringBuilder("<row r=\"1\">" + inline("A1", "name") + "</row>");
        String cells = "<c t=\"s\"><v>0</v></c>".repeat(1000);
        for (int r = 2; r <= 601; r++) {
            rows.append("<row r=\"").append(r).append("\">").append(cells).append("</row>");
        }
        Path file = HandWrittenXlsx.withRows(rows.toString()).sharedStrings("x".repeat(LONGEST_CELL)).stored()
                .writeTo(dir.resolve("amplified.xlsx"));

        assertThat(importAtSmallHeap(file)).startsWith("refused too_long: file: row 2: a row holds at most"
                + " 524288 characters, all its cells together");
    }

    @Test
    void longRowsUnderTheRowLimitAreImportedInSmallChunksWithTheirFailuresStoredCut() throws Exception {
        int columns = 15;
        StringBuilder rows = new StringBuilder("<row r=\"1\">" + inline("A1", "name"));
        IntStream.range(1, columns).forEach(c -> rows.append(inline(column(c) + "1", "note" + c)));
        rows.append("</row>");
        String cells = "<c t=\"s\"><v>0</v></c>".repeat(columns);
        for (int r = 2; r <= 501; r++) {
            rows.append("<row r=\"").append(r).append("\">").append(cells).append("</row>");
        }
        Path file = HandWrittenXlsx.withRows(rows.toString()).sharedStrings("x".repeat(LONGEST_CELL)).stored()
                .writeTo(dir.resolve("long-rows.xlsx"));

        assertThat(importAtSmallHeap(file)).startsWith("imported rows=500 created=0 failed=500");
    }

    @Test
    void aHugeSharedStringsTableIsRefusedOnEmbeddedH2() throws Exception {
        // Names with a character outside Latin-1, so each takes 2 bytes a character; 45 million characters in all.
        String[] strings = IntStream.range(0, 3_000_000).mapToObj(i -> "Lê Văn " + i).toArray(String[]::new);
        Path file = HandWrittenXlsx.withRows("<row r=\"1\">" + inline("A1", "name") + "</row>")
                .sharedStrings(strings).writeTo(dir.resolve("strings.xlsx"));
        assertThat(Files.size(file)).as("a small upload").isLessThan(20L << 20);

        assertThat(importAtSmallHeap(file)).startsWith("refused too_large: file: shared strings: the "
                + "workbook's text (its shared strings) is over 8388608 characters");
    }

    @Test
    void aContentTypesPartOfAMillionEntriesIsRefusedBeforePoiParsesIt() throws Exception {
        StringBuilder types = new StringBuilder();
        for (int i = 0; i < 1_000_000; i++) {
            types.append("<Default Extension=\"e").append(i).append("\" ContentType=\"application/x-").append(i)
                    .append("\"/>");
        }
        Path file = HandWrittenXlsx.withRows("<row r=\"1\">" + inline("A1", "name") + "</row>")
                .contentTypesExtra(types.toString()).writeTo(dir.resolve("types.xlsx"));

        assertThat(importAtSmallHeap(file)).startsWith("refused unsafe: file: the zip entry "
                + "[Content_Types].xml would inflate to").contains("holds at most 262144");
    }

    @Test
    void anXlsSharedStringReferencedByEveryCellIsRefusedAtTheFirstRowItAmplifies() throws Exception {
        Path file = xls("amplified.xls", 3, 256);

        assertThat(importAtSmallHeap(file)).startsWith("refused too_long: file: row 2: a row holds at most"
                + " 524288 characters, all its cells together");
    }

    @Test
    void longXlsRowsUnderTheRowLimitAreImportedInSmallChunksWithTheirFailuresStoredCut() throws Exception {
        Path file = xls("long-rows.xls", 501, 15);

        assertThat(importAtSmallHeap(file)).startsWith("imported rows=500 created=0 failed=500");
    }

    @Test
    void aHugeXlsSharedStringsTableIsRefusedOnEmbeddedH2() throws Exception {
        // Names with a character outside Latin-1, stored as UTF-16; 9.6 million characters in all.
        String[] strings = IntStream.range(0, 600_000).mapToObj(i -> String.format("Lê Văn %07d", i))
                .toArray(String[]::new);
        Path file = HandWrittenXls.globals().boundSheet(0, "S").sstInRecords(strings).eof().worksheet()
                .raw(HandWrittenXls.label(0, 0, 0)).eof().writeTo(dir.resolve("strings.xls"));
        assertThat(Files.size(file)).as("a small upload").isLessThan(30L << 20);

        assertThat(importAtSmallHeap(file)).startsWith("refused too_large: file: shared strings: the "
                + "workbook's text (its shared strings) is over 8388608 characters");
    }

    /** @return an .xls of a "name" header, then rows of cells that all show one 32,767-character shared string */
    private Path xls(String name, int rows, int columns) throws IOException {
        Path file = dir.resolve(name);
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Customers");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("name");
            IntStream.range(1, columns).forEach(c -> header.createCell(c).setCellValue("note" + c));
            String longest = "x".repeat(LONGEST_CELL);
            for (int r = 1; r < rows; r++) {
                Row row = sheet.createRow(r);
                IntStream.range(0, columns).forEach(c -> row.createCell(c).setCellValue(longest));
            }
            workbook.write(out);
        }
        return file;
    }

    /** @return the outcome line {@link SmallHeapImport} printed in a JVM of 256 MiB */
    private static String importAtSmallHeap(Path file) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, HEAP, "-cp", System.getProperty("java.class.path"),
                SmallHeapImport.class.getName(), file.toString())
                .redirectErrorStream(true).redirectOutput(file.resolveSibling(file.getFileName() + ".log").toFile())
                .start();
        File log = file.resolveSibling(file.getFileName() + ".log").toFile();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the import did not end within 5 minutes");
        }
        List<String> lines = Files.readAllLines(log.toPath(), StandardCharsets.UTF_8);
        return lines.stream().filter(line -> line.startsWith("OUTCOME ")).map(line -> line.substring(8)).findFirst()
                .orElseThrow(() -> new AssertionError("the import ended with exit code " + process.exitValue()
                        + " and no outcome:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30),
                        lines.size()))));
    }

    private static String column(int index) {
        return String.valueOf((char) ('A' + index));
    }
}
