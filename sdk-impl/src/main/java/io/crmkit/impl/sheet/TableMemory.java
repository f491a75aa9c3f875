package io.crmkit.impl.sheet;

import io.crmkit.api.error.LimitExceededException;

/**
 * The heap that the shared-strings tables of all .xlsx files being read at once may hold together, so that many
 * imports, previews and counts running side by side (several tenants, several threads) cannot exhaust the heap
 * although each stays within its own {@link SheetLimits#maxSharedStringsChars()}. A table reserves its arrays as
 * they grow and gives them back when its reader is closed. Thread-safe.
 */
final class TableMemory {

    /**
     * The share of this JVM: {@code Runtime.maxMemory() / 6} bytes (about 42 MiB at 256 MiB). One table holds at
     * most heap / 16 in use ({@link SheetLimits#forHeap}) and, with the room its arrays grow into and the old array
     * during a copy, up to heap / 8 for a moment; so one table of any size allowed always fits, and several ordinary
     * ones fit side by side.
     */
    static final TableMemory JVM = new TableMemory(Runtime.getRuntime().maxMemory() / 6);

    private final long maxBytes;
    private long reserved;

    /** @param maxBytes the most bytes all tables may hold together */
    TableMemory(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @param bytes how many more bytes a table is about to allocate
     * @param part  the part, for the message
     * @throws LimitExceededException when the tables being read hold so much already that these bytes do not fit;
     *         nothing is reserved then
     */
    synchronized void reserve(long bytes, String part) {
        if (reserved + bytes > maxBytes) {
            throw new LimitExceededException("file: " + part + ": the workbooks being read at this moment already "
                    + "hold their text in memory, and this one's does not fit in what is left (at most " + maxBytes
                    + " bytes for all of them). Try again in a moment, or save the file as CSV UTF-8 and import "
                    + "that", maxBytes, reserved + bytes);
        }
        reserved += bytes;
    }

    /** @return how many bytes the tables being read hold now */
    synchronized long reserved() {
        return reserved;
    }

    /** @param bytes how many bytes a table no longer holds */
    synchronized void release(long bytes) {
        reserved -= bytes;
    }
}
