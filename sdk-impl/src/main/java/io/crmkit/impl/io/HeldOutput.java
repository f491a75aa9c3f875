package io.crmkit.impl.io;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The caller's stream of an export that starts writing before its limit is checked: what is written is held, the
 * first {@value #IN_MEMORY} bytes in memory and the rest in a temporary file, until {@link #release} copies it to
 * the stream and lets the rest through. {@link #close} deletes what is still held, so that an export refused after
 * it started writes nothing to the stream. Never closes the stream. Used by one thread.
 */
final class HeldOutput extends OutputStream {

    /** Bytes held in memory before they move to a temporary file. */
    static final int IN_MEMORY = 1 << 20;

    private final OutputStream target;
    private final Path directory;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream spilled;
    private boolean released;

    /** @param target the caller's stream, which receives nothing before {@link #release} */
    HeldOutput(OutputStream target) {
        this(target, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * @param target    the caller's stream, which receives nothing before {@link #release}
     * @param directory where the temporary file goes
     */
    HeldOutput(OutputStream target, Path directory) {
        this.target = target;
        this.directory = directory;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (released) {
            target.write(bytes, offset, length);
        } else if (spilled != null) {
            spilled.write(bytes, offset, length);
        } else if (memory.size() + length <= IN_MEMORY) {
            memory.write(bytes, offset, length);
        } else {
            Path created = Files.createTempFile(directory, "crmkit-export-", ".held");
            try {
                spilled = new BufferedOutputStream(Files.newOutputStream(created), 1 << 16);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(created);
                throw e;
            }
            file = created; // from here on, close() deletes it
            memory.writeTo(spilled);
            memory = null;
            spilled.write(bytes, offset, length);
        }
    }

    /** Flushes the stream once released; before that, holds on. */
    @Override
    public void flush() throws IOException {
        if (released) {
            target.flush();
        }
    }

    /**
     * Writes what is held to the stream, deletes the temporary file, and lets what follows through.
     *
     * @throws IOException when the stream fails: nothing goes through afterwards, and {@link #close} still deletes
     *                     the temporary file
     */
    void release() throws IOException {
        if (released) {
            return;
        }
        if (file != null) {
            spilled.close();
            Files.copy(file, target);
            deleteFile();
        } else {
            memory.writeTo(target);
            memory = null;
        }
        released = true;
    }

    /** @return whether what is written goes through to the stream */
    boolean released() {
        return released;
    }

    /** Drops what is still held (deleting its temporary file); leaves the stream open. */
    @Override
    public void close() throws IOException {
        memory = null;
        if (file != null) {
            try {
                spilled.close();
            } finally {
                deleteFile();
            }
        }
    }

    private void deleteFile() throws IOException {
        Path held = file;
        file = null;
        spilled = null;
        Files.deleteIfExists(held);
    }
}
