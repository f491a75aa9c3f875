package io.crmkit.impl.sheet;

import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.ContinueRecord;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.ExtendedFormatRecord;
import org.apache.poi.hssf.record.FilePassRecord;
import org.apache.poi.hssf.record.FormatRecord;
import org.apache.poi.hssf.record.RecordInputStream;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.common.UnicodeString;

/**
 * What the reader needs from an .xls's workbook globals, the records before the first sheet: whether dates count
 * from 1904, which cell formats are dates, the shared strings, and which sheet is the first tab.
 *
 * @param firstSheet the 0-based position, among the sheets' sub-streams in the stream, of the first tab's (the
 *                   sheets are listed in tab order, each with where its sub-stream starts; usually 0)
 * @param date1904   whether date serial numbers count from 1904 instead of 1900
 * @param styles     which cell formats (XF indexes) show dates
 * @param strings    the shared strings, in the {@link TableMemory} until released
 */
record XlsGlobals(int firstSheet, boolean date1904, CellStyles styles, SharedStrings strings) {

    /** The part name messages give the shared strings. */
    static final String SHARED_STRINGS = "shared strings";
    private static final String FORMATS = "cell formats";

    /**
     * Reads the globals up to their end (an EOF record), leaving the records positioned there. The shared strings
     * are not POI's {@link SSTRecord}, which keeps objects for every string, but read string by string into a
     * compact {@link SharedStrings} up to {@link SheetLimits#maxSharedStringsChars()}.
     *
     * @param notExcel the code for a workbook too old to read: {@code not_xls} or {@code not_xlsx}
     * @throws io.crmkit.api.error.ValidationException {@code malformed} for a stream that does not start as a
     *         workbook or ends before its globals do, notExcel for an Excel 95 or older workbook, {@code encrypted},
     *         {@code empty} for a workbook without sheets, {@code too_large} for shared strings over the limit,
     *         {@code unsafe} for more cell formats than Excel allows
     * @throws io.crmkit.api.error.LimitExceededException when the {@link TableMemory} has no room for the strings
     * @throws RuntimeException from POI for a record it cannot parse
     */
    static XlsGlobals read(XlsRecords records, SheetLimits limits, String notExcel) {
        requireWorkbookStart(records, notExcel);
        Reading reading = new Reading(limits);
        try {
            return reading.read(records);
        } catch (RuntimeException e) {
            reading.strings.release();
            throw e;
        }
    }

    private static void requireWorkbookStart(XlsRecords records, String notExcel) {
        if (!records.next() || records.sid() != BOFRecord.sid) {
            throw FileProblem.of("malformed", "this Excel 97-2003 (.xls) file does not start with a workbook. Open "
                    + "the file in Excel and save it again");
        }
        BOFRecord bof = new BOFRecord(records.in());
        if (bof.getVersion() < BOFRecord.VERSION) { // 0x0500: Excel 5 and 95 (BIFF5/7); lower: older still
            throw FileProblem.excel95(notExcel);
        }
        if (bof.getType() != BOFRecord.TYPE_WORKBOOK) {
            throw FileProblem.of("malformed", "this Excel 97-2003 (.xls) file does not start with a workbook (it "
                    + "starts with a sheet of type " + bof.getType() + "). Open the file in Excel and save it again");
        }
    }

    /** The state of one reading of the globals. */
    private static final class Reading {

        private final SheetLimits limits;
        private final CellStyles.Collector styles = new CellStyles.Collector(FORMATS);
        private SharedStrings strings = SharedStrings.none();
        private boolean sharedStringsRead;
        private boolean date1904;
        private int sheets;
        private int firstSheetStart;
        private int sheetsStartingBefore;

        private Reading(SheetLimits limits) {
            this.limits = limits;
        }

        private XlsGlobals read(XlsRecords records) {
            while (records.next()) {
                switch (records.sid()) {
                    case EOFRecord.sid -> {
                        return finished();
                    }
                    case FilePassRecord.sid -> throw FileProblem.encrypted();
                    case DateWindow1904Record.sid -> date1904 = new DateWindow1904Record(records.in()).getWindowing()
                            == 1;
                    case FormatRecord.sid -> {
                        FormatRecord format = new FormatRecord(records.in());
                        styles.numberFormat(format.getIndexCode(), format.getFormatString());
                    }
                    case ExtendedFormatRecord.sid ->
                            styles.cellFormat(new ExtendedFormatRecord(records.in()).getFormatIndex() & 0xFFFF);
                    case BoundSheetRecord.sid -> sheet(new BoundSheetRecord(records.in()).getPositionOfBof());
                    case SSTRecord.sid -> readStrings(records.in());
                    default -> {
                        // Every other record of the globals (fonts, names, drawings, ...) is skipped unread.
                    }
                }
            }
            throw FileProblem.of("malformed", "this Excel 97-2003 (.xls) workbook ends before its first sheet (cut "
                    + "short?). Open the file in Excel and save it again");
        }

        private XlsGlobals finished() {
            if (sheets == 0) {
                throw FileProblem.of("empty", "the workbook has no sheet");
            }
            return new XlsGlobals(sheetsStartingBefore, date1904, styles.styles(), strings);
        }

        /** Keeps, of the tabs in order, where the first one's sub-stream starts and how many start before it. */
        private void sheet(int start) {
            if (sheets++ == 0) {
                firstSheetStart = start;
            } else if (Integer.compareUnsigned(start, firstSheetStart) < 0) {
                sheetsStartingBefore++;
            }
        }

        /** Reads an SST record (with its CONTINUE records) string by string, as POI's SSTDeserializer does. */
        private void readStrings(RecordInputStream in) {
            if (sharedStringsRead) {
                throw FileProblem.of("malformed", SHARED_STRINGS + ": the workbook has two shared-strings tables. "
                        + "Open the file in Excel and save it again");
            }
            sharedStringsRead = true;
            strings = SharedStrings.empty(SHARED_STRINGS, TableMemory.JVM);
            in.readInt(); // how many cells use the strings
            long unique = Integer.toUnsignedLong(in.readInt());
            for (long i = 0; i < unique && hasMore(in); i++) {
                strings.add(new UnicodeString(in).getString(), limits.maxSharedStringsChars());
            }
        }

        /** @return whether the table goes on: data left in its record, or a CONTINUE record next */
        private static boolean hasMore(RecordInputStream in) {
            return in.available() > 0 || (in.hasNextRecord() && in.getNextSid() == ContinueRecord.sid);
        }
    }
}
