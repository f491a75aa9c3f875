package io.crmkit.impl.io;

import io.crmkit.api.error.ValidationException;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.ImportService;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.sheet.SheetLimits;
import io.crmkit.impl.sheet.SheetReader;
import io.crmkit.impl.sheet.SheetReaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Opens import files with the import's limits, and fingerprints an import. Thread-safe. */
final class ImportFiles {

    /** Longest cell, as Excel allows. */
    private static final int CELL_MAX = 32_767;
    private static final long UNCOMPRESSED_MAX = 2L * 1024 * 1024 * 1024;
    /**
     * What an import reads: the import's columns and file size, and the memory limits of
     * {@link SheetLimits#forHeap} at the heap this JVM may use ({@code Runtime.maxMemory()}).
     */
    static final SheetLimits LIMITS = limits(SheetLimits.defaults());

    private ImportFiles() {
    }

    /** A file whose header was read and whose columns are mapped. */
    record Opened(ImportFile file, List<String> header, ColumnPlan plan) {
        /** @return a reader of the file, before its header */
        SheetReader open() {
            return ImportFiles.open(file);
        }
    }

    /**
     * @return the file with its header read and its columns mapped
     * @throws ValidationException when the file is missing, unsafe, not in its format or has no header, or the
     *                             mapping does not fit it
     */
    static Opened openMapped(ImportFile file, java.util.Map<String, String> mapping, TenantFields fields) {
        List<String> header;
        try (SheetReader reader = open(file)) {
            header = reader.header();
        }
        return new Opened(file, header, ColumnPlan.resolve(header, mapping, fields));
    }

    /** @return a reader of the file, before its header */
    static SheetReader open(ImportFile file) {
        if (!Files.isRegularFile(file.path())) {
            throw ValidationException.of("file", "not_found", "file: " + file.path() + " is not a readable file");
        }
        return SheetReaders.open(file.path(), file.format(), file.delimiter(), LIMITS);
    }

    private static SheetLimits limits(SheetLimits heap) {
        return new SheetLimits(ImportService.MAX_COLUMNS, CELL_MAX, heap.maxRowChars(), heap.maxSharedStringsChars(),
                heap.maxPackagePartBytes(), UNCOMPRESSED_MAX, ImportService.MAX_FILE_BYTES);
    }

    /** @return a digest of the file's content and of every setting of the request that changes what it does */
    static String fingerprint(ImportRequest request, Opened opened) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(request.file().path())) {
                byte[] buffer = new byte[64 * 1024];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
            }
            String settings = request.file().format() + "|" + request.file().delimiter()
                    + "|" + opened.header() + "|" + mappingText(opened) + "|" + request.mode() + "|"
                    + request.matchBy() + "|" + request.source() + "|" + request.tags() + "|" + request.groups() + "|"
                    + request.dryRun();
            digest.update(settings.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + request.file().path(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static String mappingText(Opened opened) {
        StringBuilder text = new StringBuilder();
        for (int column = 0; column < opened.plan().width(); column++) {
            text.append(column).append('=').append(opened.plan().target(column)).append(',');
        }
        return text.toString();
    }
}
