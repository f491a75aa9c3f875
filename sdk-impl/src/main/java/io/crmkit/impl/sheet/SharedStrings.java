package io.crmkit.impl.sheet;

import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;

/**
 * The shared-strings table of an .xlsx (xl/sharedStrings.xml) or an .xls (its SST record), which cells of type "s"
 * (LABELSST records) point into by index. Held compactly, all strings in one character array plus an array of their
 * end offsets, and only up to {@link SheetLimits#maxSharedStringsChars()}, counting two characters per string for
 * its end offset (4 bytes): reading stops as soon as that is passed. Both arrays grow by half at a time and never past what the limit lets
 * them hold, so a table of millions of tiny strings is bounded like one of a few long ones. The arrays are reserved
 * in a {@link TableMemory} shared with the other tables being read, and given back by {@link #release()}.
 */
final class SharedStrings {

    /** What a string's entry in the end offsets costs, in characters (an int is two chars). */
    private static final int ENTRY_CHARS = 2;
    private static final int INITIAL_CAPACITY = 1024;

    private final TableMemory memory;
    private final String part;
    private char[] chars = new char[0];
    private int[] ends = new int[0];
    private int length;
    private int count;

    private SharedStrings(TableMemory memory, String part) {
        this.memory = memory;
        this.part = part;
    }

    /** @return the table of a workbook without one */
    static SharedStrings none() {
        return new SharedStrings(new TableMemory(0), "shared strings");
    }

    /**
     * @param maxChars the most characters of all strings together, counting two more per string
     * @param memory   where the table's arrays are reserved; given back by {@link #release()}, or here on failure
     * @throws io.crmkit.api.error.ValidationException {@code too_large} once the table passes maxChars, or the
     *         errors of {@link XmlPart}
     * @throws io.crmkit.api.error.LimitExceededException when the memory has no room for the table's arrays
     */
    static SharedStrings read(XmlPart xml, long maxChars, TableMemory memory) {
        SharedStrings table = new SharedStrings(memory, xml.name());
        try {
            table.fill(xml, maxChars);
            return table;
        } catch (RuntimeException e) {
            table.release();
            throw e;
        }
    }

    /** @return how many strings the table holds */
    int count() {
        return count;
    }

    /**
     * @param index 0-based, below {@link #count()}
     * @return the string at that index
     */
    String get(int index) {
        int start = index == 0 ? 0 : ends[index - 1];
        return new String(chars, start, ends[index] - start);
    }

    /** Gives the table's arrays back to its memory; the table is empty afterwards. Idempotent. */
    void release() {
        memory.release(bytes(chars, ends));
        chars = new char[0];
        ends = new int[0];
        length = 0;
        count = 0;
    }

    /**
     * Starts a table filled string by string with {@link #add}, as an .xls shared-strings record is read.
     *
     * @param part   the part the strings come from, for messages
     * @param memory where the table's arrays are reserved; given back by {@link #release()}
     */
    static SharedStrings empty(String part, TableMemory memory) {
        return new SharedStrings(memory, part);
    }

    /**
     * Adds a string at the next index. The caller releases the table when this fails.
     *
     * @param maxChars the most characters of all strings together, counting two more per string
     * @throws io.crmkit.api.error.ValidationException {@code too_large} when the string does not fit in maxChars
     * @throws io.crmkit.api.error.LimitExceededException when the memory has no room for the table's arrays
     */
    void add(String text, long maxChars) {
        if ((long) length + text.length() + (long) ENTRY_CHARS * (count + 1) > maxChars) {
            throw tooLarge(part, maxChars);
        }
        append(text, maxChars);
    }

    private void fill(XmlPart xml, long maxChars) {
        while (xml.next() != XMLStreamConstants.END_DOCUMENT) {
            if (xml.isStart("si")) {
                long room = maxChars - length - (long) ENTRY_CHARS * (count + 1);
                if (room < 0) {
                    throw tooLarge(xml.name(), maxChars);
                }
                append(xml.readRichText(room, () -> tooLarge(xml.name(), maxChars)), maxChars);
            }
        }
    }

    private void append(String text, long maxChars) {
        if (length + text.length() > chars.length) {
            growChars(grown(chars.length, length + text.length(), maxChars));
        }
        text.getChars(0, text.length(), chars, length);
        length += text.length();
        if (count == ends.length) {
            growEnds(grown(ends.length, count + 1, maxChars / ENTRY_CHARS));
        }
        ends[count++] = length;
    }

    /** Copies the characters into an array of this capacity, reserved before, the old one given back after. */
    private void growChars(int capacity) {
        long before = (long) Character.BYTES * chars.length;
        memory.reserve((long) Character.BYTES * capacity, part);
        chars = Arrays.copyOf(chars, capacity);
        memory.release(before);
    }

    /** Copies the end offsets into an array of this capacity, reserved before, the old one given back after. */
    private void growEnds(int capacity) {
        long before = (long) Integer.BYTES * ends.length;
        memory.reserve((long) Integer.BYTES * capacity, part);
        ends = Arrays.copyOf(ends, capacity);
        memory.release(before);
    }

    /** @return a capacity of at least needed: half as large again as now (at least 1024), never over the most */
    private static int grown(int capacity, int needed, long most) {
        long larger = Math.max(INITIAL_CAPACITY, capacity + (capacity >> 1) + 1L);
        return (int) Math.max(needed, Math.min(larger, most));
    }

    private static long bytes(char[] chars, int[] ends) {
        return (long) Character.BYTES * chars.length + (long) Integer.BYTES * ends.length;
    }

    private static RuntimeException tooLarge(String part, long maxChars) {
        return FileProblem.of("too_large", part + ": the workbook's text (its shared strings) is over "
                + maxChars + " characters, more than is read from an Excel workbook with this server's memory. Save "
                + "it as CSV UTF-8 and import that, or split it");
    }
}
