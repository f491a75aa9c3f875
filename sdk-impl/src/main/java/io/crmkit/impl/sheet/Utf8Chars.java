package io.crmkit.impl.sheet;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The characters of a UTF-8 byte stream, one at a time, through fixed buffers. Unlike an InputStreamReader it
 * reports an invalid byte sequence exactly where it is, after every character before it, so the caller can name
 * the line; it never replaces one.
 */
final class Utf8Chars implements Closeable {

    /** Returned by {@link #read()} after the last character. */
    static final int END = -1;
    /** Returned by {@link #read()} where the bytes are not valid UTF-8; the stream then stays there. */
    static final int INVALID = -2;

    private static final int BUFFER_SIZE = 64 * 1024;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER_SIZE).flip();
    private boolean endOfBytes;
    private boolean decoded;
    private boolean invalid;

    Utf8Chars(InputStream in) {
        this.in = in;
    }

    /**
     * @return the next character, {@link #END} or {@link #INVALID}
     * @throws UncheckedIOException when the stream fails
     */
    int read() {
        if (!chars.hasRemaining() && !fill()) {
            return invalid ? INVALID : END;
        }
        return chars.get();
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean fill() {
        chars.clear();
        while (chars.position() == 0 && !invalid && !decoded) {
            CoderResult result = decoder.decode(bytes, chars, endOfBytes);
            if (result.isError()) {
                invalid = true;
            } else if (result.isUnderflow() && endOfBytes) {
                decoder.flush(chars);
                decoded = true;
            } else if (result.isUnderflow()) {
                readBytes();
            }
        }
        chars.flip();
        return chars.hasRemaining();
    }

    private void readBytes() {
        bytes.compact();
        try {
            int count = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (count < 0) {
                endOfBytes = true;
            } else {
                bytes.position(bytes.position() + count);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            bytes.flip();
        }
    }
}
