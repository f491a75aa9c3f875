package io.crmkit.impl.sheet;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of one .xlsx part the reader parses, each watched by a {@link MarkupScanner} (they are counted below,
 * by {@link CountedZipSource}). Extends InputStream, not FilterInputStream, so that skipped bytes are scanned too.
 */
final class PartStream extends InputStream {

    private final InputStream in;
    private final MarkupScanner scanner;
    private final byte[] one = new byte[1];

    /**
     * @param in         the inflating stream of the part, closed with this one
     * @param part       the part's name, for messages
     * @param maxStretch see {@link MarkupScanner}
     */
    PartStream(InputStream in, String part, long maxStretch) {
        this.in = in;
        this.scanner = new MarkupScanner(maxStretch, part);
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int count = in.read(bytes, offset, length);
        if (count > 0) {
            scanner.scan(bytes, offset, count);
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
