package io.crmkit.impl.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The first bytes of a file, enough to tell a zip, an old binary Office file or text apart. */
final class FileSignature {

    private static final int SNIFF_BYTES = 8192;
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] UTF16_LITTLE_ENDIAN = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF16_BIG_ENDIAN = {(byte) 0xFE, (byte) 0xFF};

    private final byte[] head;

    private FileSignature(byte[] head) {
        this.head = head;
    }

    /** @throws UncheckedIOException when the file cannot be read */
    static FileSignature of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new FileSignature(in.readNBytes(SNIFF_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return whether the file starts with the OLE2 signature of Office 97-2003 files (an .xls among them) */
    boolean isOle2() {
        return startsWith(OLE2);
    }

    /**
     * @param notExcel the code to refuse with: {@code not_xlsx} or {@code not_xls}, after the format the file claims
     * @throws io.crmkit.api.error.ValidationException notExcel unless the file starts like a zip archive
     */
    void requireZip(String notExcel) {
        if (!startsWith(ZIP)) {
            throw FileProblem.of(notExcel, "this is not an Excel workbook (it is neither a zip archive like .xlsx nor "
                    + "an Office 97-2003 file like .xls" + (hasNul() ? "" : "; it looks like text, so choose CSV")
                    + ")");
        }
    }

    /** @throws io.crmkit.api.error.ValidationException {@code not_csv} or {@code encoding} unless it looks like text */
    void requireCsv() {
        if (startsWith(UTF16_LITTLE_ENDIAN) || startsWith(UTF16_BIG_ENDIAN)) {
            throw FileProblem.of("encoding", "line 1: this is UTF-16 text, CSV files are read as UTF-8. Save the file "
                    + "as \"CSV UTF-8\"");
        }
        if (startsWith(ZIP)) {
            throw FileProblem.of("not_csv", "this is a zip archive (an .xlsx workbook?), not CSV text. Choose the "
                    + "Excel format, or save the file as \"CSV UTF-8\"");
        }
        if (startsWith(OLE2)) {
            throw FileProblem.of("not_csv", "this is an Office 97-2003 file (an .xls workbook?), not CSV text. Choose "
                    + "the Excel format, or save the file as \"CSV UTF-8\"");
        }
        if (hasNul()) {
            throw FileProblem.of("not_csv", "this is a binary file (it has NUL bytes in its first " + SNIFF_BYTES
                    + " bytes), not CSV text. Save the file as \"CSV UTF-8\"");
        }
    }

    private boolean startsWith(byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    private boolean hasNul() {
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
