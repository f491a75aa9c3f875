package io.crmkit.impl.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipException;

/** Tells apart why reading an .xlsx part failed: a zip bomb POI caught, damaged data, or the disk. */
final class PartFailure {

    /** How POI's own zip-bomb guard (ZipSecureFile, with the host's settings) starts its IOException messages. */
    private static final String POI_ZIP_BOMB = "Zip bomb detected";

    private PartFailure() {
    }

    /**
     * @return {@code unsafe} for a zip bomb, {@code malformed} for damaged compressed data, else the I/O failure
     */
    static RuntimeException of(IOException e, String part) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith(POI_ZIP_BOMB)) {
            return FileProblem.of("unsafe", part + ": inflates far more than its compressed size: this looks like a "
                    + "zip bomb");
        }
        if (e instanceof ZipException) {
            return FileProblem.of("malformed", part + ": the compressed data is damaged. Open the file in Excel and "
                    + "save it again");
        }
        return new UncheckedIOException(e);
    }
}
