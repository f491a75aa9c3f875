package io.crmkit.impl.sheet;

import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;

/**
 * The shared-strings table of an .xlsx (xl/sharedStrings.xml), which cells of type "s" point into by index. Held
 * compactly, all strings in one character array plus an array of their end offsets, and only up to
 * {@link SheetLimits#maxSharedStringsChars()}, counting two characters per string for its end offset (4 bytes):
 * reading stops as soon as that is passed. Both arrays grow by half at a time and never past what the limit lets
 * them hold, so a table of millions of tiny strings is bounded like one of a few long ones.
 */
final class SharedStrings {

    /** What a string's entry in the end offsets costs, in characters (an int is two chars). */
    private static final int ENTRY_CHARS = 2;
    private static final int INITIAL_CAPACITY = 1024;

    private final char[] chars;
    private final int[] ends;
    private final int count;

    private SharedStrings(char[] chars, int[] ends, int count) {
        this.chars = chars;
        this.ends = ends;
        this.count = count;
    }

    /** @return the table of a workbook without one */
    static SharedStrings none() {
        return new SharedStrings(new char[0], new int[0], 0);
    }

    /**
     * @param maxChars the most characters of all strings together, counting two more per string
     * @throws io.crmkit.api.error.ValidationException {@code too_large} once the table passes maxChars, or the
     *         errors of {@link XmlPart}
     */
    static SharedStrings read(XmlPart xml, long maxChars) {
        char[] chars = new char[(int) Math.min(INITIAL_CAPACITY, maxChars)];
        int[] ends = new int[(int) Math.min(INITIAL_CAPACITY, maxChars / ENTRY_CHARS)];
        int length = 0;
        int count = 0;
        while (xml.next() != XMLStreamConstants.END_DOCUMENT) {
            if (xml.isStart("si")) {
                long room = maxChars - length - (long) ENTRY_CHARS * (count + 1);
                if (room < 0) {
                    throw tooLarge(xml, maxChars);
                }
                String text = xml.readRichText(room, () -> tooLarge(xml, maxChars));
                if (length + text.length() > chars.length) {
                    chars = Arrays.copyOf(chars, grown(chars.length, length + text.length(), maxChars));
                }
                text.getChars(0, text.length(), chars, length);
                length += text.length();
                if (count == ends.length) {
                    ends = Arrays.copyOf(ends, grown(ends.length, count + 1, maxChars / ENTRY_CHARS));
                }
                ends[count++] = length;
            }
        }
        return new SharedStrings(chars, ends, count);
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

    /** @return a capacity of at least needed: half as large again as now, but never over the most allowed */
    private static int grown(int capacity, int needed, long most) {
        return (int) Math.max(needed, Math.min(capacity + (capacity >> 1) + 1L, most));
    }

    private static RuntimeException tooLarge(XmlPart xml, long maxChars) {
        return FileProblem.of("too_large", xml.name() + ": the workbook's text (its shared strings) is over "
                + maxChars + " characters, more than is read from an .xlsx with this server's memory. Save it as CSV "
                + "UTF-8 and import that, or split it");
    }
}
