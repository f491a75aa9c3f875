package io.crmkit.impl.sheet;

import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;

/**
 * The shared-strings table of an .xlsx (xl/sharedStrings.xml), which cells of type "s" point into by index. Held
 * compactly, all strings in one character buffer plus their end offsets, and only up to
 * {@link SheetLimits#maxSharedStringsChars()}: reading stops as soon as that is passed.
 */
final class SharedStrings {

    private final StringBuilder chars;
    private final int[] ends;
    private final int count;

    private SharedStrings(StringBuilder chars, int[] ends, int count) {
        this.chars = chars;
        this.ends = ends;
        this.count = count;
    }

    /** @return the table of a workbook without one */
    static SharedStrings none() {
        return new SharedStrings(new StringBuilder(), new int[0], 0);
    }

    /**
     * @param maxChars the most characters of all strings together, counting one more per string
     * @throws io.crmkit.api.error.ValidationException {@code too_large} once the table passes maxChars, or the
     *         errors of {@link XmlPart}
     */
    static SharedStrings read(XmlPart xml, long maxChars) {
        StringBuilder chars = new StringBuilder();
        int[] ends = new int[1024];
        int count = 0;
        while (xml.next() != XMLStreamConstants.END_DOCUMENT) {
            if (xml.isStart("si")) {
                long room = maxChars - chars.length() - count - 1;
                if (room < 0) {
                    throw tooLarge(xml, maxChars);
                }
                chars.append(xml.readRichText(room, () -> tooLarge(xml, maxChars)));
                if (count == ends.length) {
                    ends = Arrays.copyOf(ends, count * 2);
                }
                ends[count++] = chars.length();
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
        return chars.substring(index == 0 ? 0 : ends[index - 1], ends[index]);
    }

    private static RuntimeException tooLarge(XmlPart xml, long maxChars) {
        return FileProblem.of("too_large", xml.name() + ": the workbook's text (its shared strings) is over "
                + maxChars + " characters, more than is read from an .xlsx. Save it as CSV UTF-8 and import that, or "
                + "split it");
    }
}
