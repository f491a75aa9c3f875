package io.crmkit.impl.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Inspects an Office 97-2003 (OLE2) container's header and directory before POI's POIFS opens it, reading a few
 * sectors: POIFS reads every allocation-table sector the header declares and every directory entry the directory
 * chain holds into memory, several objects each (200,000 entries, 25 MB on disk, take some 140 MB of heap), so a
 * container built to declare or hold more than a workbook ever needs is refused here. What the check cannot make
 * sense of (a sector outside the file, a chain that ends early) is left to POIFS, which refuses it as damaged.
 */
final class Ole2Check {

    /** Directory entries in a container, as many as .xlsx entries ({@link XlsxZipCheck#MAX_ENTRIES}). */
    static final int MAX_ENTRIES = XlsxZipCheck.MAX_ENTRIES;

    private static final int HEADER_BYTES = 512;
    private static final int DIRECTORY_ENTRY_BYTES = 128;
    private static final int MINI_SECTOR_BYTES = 64;
    private static final int HEADER_FAT_SLOTS = 109;
    private static final int END_OF_CHAIN = -2;
    private static final int SLACK_SECTORS = 8;

    private final FileChannel channel;
    private final ByteBuffer header;
    private final int sectorSize;
    private final long sectors;
    private final int perSector;

    private Ole2Check(FileChannel channel, ByteBuffer header, int sectorSize) throws IOException {
        this.channel = channel;
        this.header = header;
        this.sectorSize = sectorSize;
        this.sectors = Math.max(0, channel.size() - HEADER_BYTES) / sectorSize + 1;
        this.perSector = sectorSize / Integer.BYTES;
    }

    /**
     * @param file a file that starts with the OLE2 signature
     * @throws io.crmkit.api.error.ValidationException {@code unsafe} for a directory of more than
     *         {@value #MAX_ENTRIES} entries; {@code malformed} for a header POIFS would not read or that declares more
     *         allocation sectors than a file of its size can use (built to exhaust memory, or cut short)
     * @throws UncheckedIOException when the file cannot be read
     */
    static void check(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            if (channel.read(header, 0) < HEADER_BYTES) {
                throw FileProblem.of("malformed", "this Office 97-2003 file is cut short: it ends inside its "
                        + "header. Open the file in Excel and save it again");
            }
            int shift = header.getShort(0x1E);
            if (shift != 9 && shift != 12) {
                throw FileProblem.of("malformed", "this Office 97-2003 file's header is damaged (sector size 2^"
                        + shift + "). Open the file in Excel and save it again");
            }
            Ole2Check check = new Ole2Check(channel, header, 1 << shift);
            check.checkTables();
            check.checkDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Refuses allocation tables far larger than the file can use: POIFS reads each of their sectors into memory.
     * Twice what the file needs, and a few more, leaves room for writers that allocate ahead, and bounds the memory
     * at about the file's size / 50.
     */
    private void checkTables() {
        long fatSectors = 2 * (sectors / perSector + 1) + SLACK_SECTORS;
        requireAtMost(header.getInt(0x2C), fatSectors, "allocation table");
        requireAtMost(header.getInt(0x40), 2 * (sectors * (sectorSize / MINI_SECTOR_BYTES) / perSector + 1)
                + SLACK_SECTORS, "small-block allocation table");
        requireAtMost(header.getInt(0x48), fatSectors / (perSector - 1) + 1, "allocation table index");
    }

    private void requireAtMost(int declared, long most, String table) {
        if (declared < 0 || declared > most) {
            // A file cut short declares more than it holds too, so the message blames no one.
            throw FileProblem.of("malformed", "this Office 97-2003 file is damaged or cut short: its header declares "
                    + Integer.toUnsignedLong(declared) + " sectors of " + table + ", a file of its size uses at most "
                    + most + ". Open the file in Excel and save it again");
        }
    }

    /** Walks the directory's sector chain, refusing it once it holds more than {@value #MAX_ENTRIES} entries. */
    private void checkDirectory() throws IOException {
        long most = Math.max(1, (long) MAX_ENTRIES * DIRECTORY_ENTRY_BYTES / sectorSize);
        long length = 0;
        for (int sector = header.getInt(0x30); sector != END_OF_CHAIN; sector = next(sector)) {
            if (sector < 0 || sector >= sectors) {
                return; // outside the file: POIFS refuses the chain
            }
            if (++length > most) {
                throw FileProblem.of("unsafe", "this Office 97-2003 file's directory holds more than "
                        + MAX_ENTRIES + " entries; a workbook holds a few dozen. The file looks built to exhaust "
                        + "memory");
            }
        }
    }

    /** @return the sector after this one in its chain, as the allocation table says; -1 when it cannot tell */
    private int next(int sector) throws IOException {
        int fatSector = fatSector(sector / perSector);
        if (fatSector < 0 || fatSector >= sectors) {
            return -1;
        }
        return readInt(fatSector, sector % perSector);
    }

    /** @return where the allocation table's sector of this index is, from the header or the index chain */
    private int fatSector(int index) throws IOException {
        if (index < HEADER_FAT_SLOTS) {
            return header.getInt(0x4C + Integer.BYTES * index);
        }
        int slot = index - HEADER_FAT_SLOTS;
        int indexSector = header.getInt(0x44);
        for (long hops = 0; slot >= perSector - 1; hops++) {
            if (indexSector < 0 || indexSector >= sectors || hops > sectors) {
                return -1;
            }
            indexSector = readInt(indexSector, perSector - 1);
            slot -= perSector - 1;
        }
        return indexSector < 0 || indexSector >= sectors ? -1 : readInt(indexSector, slot);
    }

    private int readInt(int sector, int slot) throws IOException {
        ByteBuffer value = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        long position = (sector + 1L) * sectorSize + (long) Integer.BYTES * slot;
        return channel.read(value, position) < Integer.BYTES ? -1 : value.getInt(0);
    }
}
