package io.crmkit.impl.sheet;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Which cell styles of a workbook (the {@code s} attribute of an .xlsx cell, the XF index of an .xls cell) show a
 * number as a date or time, read from xl/styles.xml or from an .xls's FORMAT and XF records. A cell formatted as a
 * date holds a serial number that the reader turns into an ISO date.
 */
final class CellStyles {

    /** Most cell formats and number formats read: Excel allows about 64,000 cell formats. */
    static final int MAX_STYLES = 65_536;
    /** Excel's own limit on a number format's length; a longer one is not Excel's and is not taken for a date. */
    private static final int MAX_FORMAT_LENGTH = 255;

    private final BitSet dateStyles;

    private CellStyles(BitSet dateStyles) {
        this.dateStyles = dateStyles;
    }

    /** @return styles for a workbook without a styles part: no cell is a date */
    static CellStyles none() {
        return new CellStyles(new BitSet());
    }

    /**
     * @throws io.crmkit.api.error.ValidationException {@code unsafe} for more than {@value #MAX_STYLES} formats,
     *         or the errors of {@link XmlPart}
     */
    static CellStyles read(XmlPart xml) {
        Set<Integer> customDateFormats = new HashSet<>();
        BitSet dateStyles = new BitSet();
        int numberFormats = 0;
        int styles = 0;
        boolean inCellFormats = false;
        while (xml.next() != XMLStreamConstants.END_DOCUMENT) {
            if (xml.isStart("numFmt")) {
                requireRoom(numberFormats++, xml);
                Integer id = formatId(xml.attribute("numFmtId"));
                String code = xml.attribute("formatCode");
                if (id != null && code != null && isDateFormat(id, code)) {
                    customDateFormats.add(id);
                }
            } else if (xml.isStart("cellXfs")) {
                inCellFormats = true;
            } else if (xml.isEnd("cellXfs")) {
                inCellFormats = false;
            } else if (inCellFormats && xml.isStart("xf")) {
                requireRoom(styles, xml);
                Integer id = formatId(xml.attribute("numFmtId"));
                if (id != null && (customDateFormats.contains(id) || isBuiltInDateFormat(id))) {
                    dateStyles.set(styles);
                }
                styles++;
            }
        }
        return new CellStyles(dateStyles);
    }

    /**
     * Collects the number formats (FORMAT records) and cell formats (XF records) of an .xls as they come, in either
     * order: at most {@value #MAX_STYLES} of each, an int per cell format.
     */
    static final class Collector {

        private final String part;
        private final Set<Integer> customDateFormats = new HashSet<>();
        private int[] styleFormats = new int[64];
        private int numberFormats;
        private int styles;

        /** @param part where the formats come from, for messages */
        Collector(String part) {
            this.part = part;
        }

        /**
         * @throws io.crmkit.api.error.ValidationException {@code unsafe} past {@value #MAX_STYLES} number formats
         */
        void numberFormat(int id, String code) {
            requireRoom(numberFormats++, part);
            if (code != null && isDateFormat(id, code)) {
                customDateFormats.add(id);
            }
        }

        /**
         * @param formatId the number format of the next cell format (its index is the count of those before it)
         * @throws io.crmkit.api.error.ValidationException {@code unsafe} past {@value #MAX_STYLES} cell formats
         */
        void cellFormat(int formatId) {
            requireRoom(styles, part);
            if (styles == styleFormats.length) {
                styleFormats = Arrays.copyOf(styleFormats, styles * 2);
            }
            styleFormats[styles++] = formatId;
        }

        /** @return the styles collected */
        CellStyles styles() {
            BitSet dateStyles = new BitSet();
            for (int style = 0; style < styles; style++) {
                int id = styleFormats[style];
                if (customDateFormats.contains(id) || isBuiltInDateFormat(id)) {
                    dateStyles.set(style);
                }
            }
            return new CellStyles(dateStyles);
        }
    }

    /** @return whether cells of this style (0 when the cell names none) show dates or times */
    boolean isDate(int style) {
        return style >= 0 && dateStyles.get(style);
    }

    private static void requireRoom(int count, XmlPart xml) {
        requireRoom(count, xml.name());
    }

    private static void requireRoom(int count, String part) {
        if (count == MAX_STYLES) {
            throw FileProblem.of("unsafe", part + ": more than " + MAX_STYLES + " cell or number formats, more "
                    + "than Excel allows");
        }
    }

    private static Integer formatId(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isDateFormat(int id, String code) {
        return code.length() <= MAX_FORMAT_LENGTH && DateUtil.isADateFormat(id, code);
    }

    /**
     * Built-in formats 14-22 and 45-47 are dates and times everywhere; 27-36 and 50-58 are dates in the Chinese,
     * Japanese and Korean versions of Excel, which write them without a format code.
     */
    private static boolean isBuiltInDateFormat(int id) {
        if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) {
            return true;
        }
        String code = BuiltinFormats.getBuiltinFormat(id);
        return code != null && DateUtil.isADateFormat(id, code);
    }
}
