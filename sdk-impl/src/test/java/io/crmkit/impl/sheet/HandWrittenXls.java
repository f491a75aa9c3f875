package io.crmkit.impl.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Writes an .xls workbook stream record by record, so a test can put into it what Excel never would: lying
 * counts, cells pointing nowhere, old versions; and wraps any stream in an OLE2 container.
 */
public final class HandWrittenXls {

    static final int BIFF8 = 0x0600;
    static final int BIFF5 = 0x0500;
    private static final int WORKBOOK = 0x0005;
    private static final int WORKSHEET = 0x0010;

    private final ByteArrayOutputStream stream = new ByteArrayOutputStream();

    /** @return a BIFF8 workbook stream starting with the globals' BOF */
    public static HandWrittenXls globals() {
        return globals(BIFF8);
    }

    /** @return a workbook stream starting with the globals' BOF of this version */
    static HandWrittenXls globals(int version) {
        return new HandWrittenXls().bof(version, WORKBOOK);
    }

    /**
     * @return a workbook of one sheet with a header "Name" (shared string 0) and the given records as its cells:
     *         globals with the SST of these strings, then the sheet
     */
    public static HandWrittenXls oneSheet(byte[] cells, String... sharedStrings) {
        HandWrittenXls xls = globals(BIFF8).boundSheet(0, "Sheet1").sst(sharedStrings.length, sharedStrings)
                .record(0x000A, new byte[0]);
        return xls.bof(BIFF8, WORKSHEET).raw(cells).record(0x000A, new byte[0]);
    }

    HandWrittenXls bof(int version, int type) {
        return record(0x0809, le(version, 2), le(type, 2), le(0x0DBB, 2), le(0x07CC, 2), le(0, 4), le(0x0006, 4));
    }

    /** @return this with an EOF record, ending the globals or a sheet */
    public HandWrittenXls eof() {
        return record(0x000A);
    }

    /** @return this with the BOF record of a BIFF8 worksheet */
    public HandWrittenXls worksheet() {
        return bof(BIFF8, WORKSHEET);
    }

    public HandWrittenXls boundSheet(int bofPosition, String name) {
        return record(0x0085, le(bofPosition, 4), le(0, 2), le(name.length(), 1), le(0, 1),
                name.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** An SST claiming {@code unique} strings, holding these (compressed Latin-1). */
    HandWrittenXls sst(long unique, String... strings) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(le(strings.length, 4));
        data.writeBytes(le(unique, 4));
        for (String text : strings) {
            data.writeBytes(le(text.length(), 2));
            data.writeBytes(le(0, 1));
            data.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        }
        return record(0x00FC, data.toByteArray());
    }

    /**
     * An SST of these strings (UTF-16, each short enough for one record) split into CONTINUE records between
     * strings, as long as the strings need.
     */
    public HandWrittenXls sstInRecords(String... strings) {
        int max = 8224;
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.writeBytes(le(strings.length, 4));
        chunk.writeBytes(le(strings.length, 4));
        int sid = 0x00FC;
        for (String text : strings) {
            byte[] chars = text.getBytes(StandardCharsets.UTF_16LE);
            if (chunk.size() + 3 + chars.length > max) {
                record(sid, chunk.toByteArray());
                sid = 0x003C;
                chunk.reset();
            }
            chunk.writeBytes(le(text.length(), 2));
            chunk.writeBytes(le(1, 1));
            chunk.writeBytes(chars);
        }
        return record(sid, chunk.toByteArray());
    }

    HandWrittenXls record(int sid) {
        return record(sid, new byte[0]);
    }

    HandWrittenXls record(int sid, byte[]... parts) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            data.writeBytes(part);
        }
        stream.writeBytes(le(sid, 2));
        stream.writeBytes(le(data.size(), 2));
        stream.writeBytes(data.toByteArray());
        return this;
    }

    public HandWrittenXls raw(byte[] bytes) {
        stream.writeBytes(bytes);
        return this;
    }

    /** @return a LABELSST record: the cell at (row, column), 0-based, showing shared string {@code index} */
    public static byte[] label(int row, int column, int index) {
        return new HandWrittenXls().record(0x00FD, le(row, 2), le(column, 2), le(0, 2), le(index, 4)).bytes();
    }

    /** @return a NUMBER record at (row, column), 0-based */
    public static byte[] number(int row, int column, double value) {
        return new HandWrittenXls().record(0x0203, le(row, 2), le(column, 2), le(0, 2),
                le(Double.doubleToLongBits(value), 8)).bytes();
    }

    /** @return the stream's bytes */
    byte[] bytes() {
        return stream.toByteArray();
    }

    /** Writes the stream as the "Workbook" of an OLE2 file. */
    public Path writeTo(Path file) {
        return container(file, "Workbook", bytes());
    }

    /** Writes an OLE2 file holding one stream of this name. */
    static Path container(Path file, String name, byte[] content) {
        try (POIFSFileSystem poifs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            poifs.createDocument(new ByteArrayInputStream(content), name);
            poifs.writeFilesystem(out);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] le(long value, int bytes) {
        ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
        byte[] out = new byte[bytes];
        System.arraycopy(buffer.array(), 0, out, 0, bytes);
        return out;
    }
}
