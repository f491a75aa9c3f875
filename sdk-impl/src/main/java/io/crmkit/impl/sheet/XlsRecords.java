package io.crmkit.impl.sheet;

import java.io.InputStream;
import org.apache.poi.hssf.record.RecordInputStream;

/**
 * The records of an .xls workbook stream, pulled one at a time with POI's {@link RecordInputStream}: a record is
 * at most 8224 bytes (POI refuses a longer one), and what the reader does not parse of it is skipped through one
 * small buffer, so memory holds one record whatever the stream holds. Nothing is joined across records except what
 * the reader asks POI to read (a string that continues in the next CONTINUE record).
 */
final class XlsRecords {

    private final RecordInputStream in;
    private final byte[] skipped = new byte[RecordInputStream.MAX_RECORD_DATA_SIZE];

    /** @throws RuntimeException from POI when the stream does not start with a record header */
    XlsRecords(InputStream stream) {
        this.in = new RecordInputStream(stream);
    }

    /**
     * Skips what is left of the current record and moves to the next.
     *
     * @return false at the end of the stream (nothing, or less than a record header, left)
     * @throws RuntimeException from POI for a record header that is not one
     */
    boolean next() {
        for (int left = in.remaining(); left > 0; left = in.remaining()) {
            in.readFully(skipped, 0, Math.min(left, skipped.length));
        }
        if (!in.hasNextRecord()) {
            return false;
        }
        in.nextRecord();
        return true;
    }

    /** @return the current record's type (sid), 0 to 65535 */
    int sid() {
        return in.getSid() & 0xFFFF;
    }

    /** @return the stream positioned in the current record's data, for POI's record constructors */
    RecordInputStream in() {
        return in;
    }
}
