package io.crmkit.impl.sheet;

import io.crmkit.api.error.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The entries of an .xlsx as POI's OPCPackage reads them, every inflated byte counted, so that the parts POI parses
 * whole itself ([Content_Types].xml, the relationships, the document properties) are bounded like the parts the
 * reader streams: each entry inflates to at most what its zip directory declares (which {@link XlsxZipCheck}
 * checked), all together to at most the {@link UncompressedBudget}, and a package part POI parses (any
 * {@linkplain XlsxZipCheck#isPackagePart .rels or content-types entry}, and any entry read before
 * {@link #packageOpened()}) to at most {@link SheetLimits#maxPackagePartBytes()}. POI's own ZipSecureFile checks,
 * with the host's settings, apply underneath. Not thread-safe.
 */
final class CountedZipSource implements ZipEntrySource {

    private final ZipSecureFile zip;
    private final UncompressedBudget budget;
    private final long maxPackagePartBytes;
    private boolean opened;
    private boolean closed;
    private ValidationException problem;

    private CountedZipSource(ZipSecureFile zip, UncompressedBudget budget, long maxPackagePartBytes) {
        this.zip = zip;
        this.budget = budget;
        this.maxPackagePartBytes = maxPackagePartBytes;
    }

    /**
     * @param file a zip that {@link XlsxZipCheck} accepted
     * @throws IOException when the zip cannot be read
     */
    static CountedZipSource open(Path file, SheetLimits limits) throws IOException {
        return new CountedZipSource(new ZipSecureFile(file.toFile()),
                new UncompressedBudget(limits.maxUncompressedBytes()), limits.maxPackagePartBytes());
    }

    /** Marks the end of POI's opening: from now on only .rels and content-types entries count as package parts. */
    void packageOpened() {
        opened = true;
    }

    /** @return the first limit an entry broke, which POI may have wrapped or swallowed on its way out */
    Optional<ValidationException> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public Enumeration<? extends ZipArchiveEntry> getEntries() {
        return zip.getEntries();
    }

    @Override
    public ZipArchiveEntry getEntry(String path) {
        return zip.getEntry(path);
    }

    @Override
    public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
        boolean packagePart = !opened || XlsxZipCheck.isPackagePart(entry.getName());
        return new EntryBytes(zip.getInputStream(entry), entry.getName(), Math.max(0, entry.getSize()), packagePart);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        zip.close();
    }

    /** Closes the zip, whatever POI did with it already. */
    void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            // Nothing was written; the file is only read.
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private ValidationException refused(ValidationException e) {
        if (problem == null) {
            problem = e;
        }
        return e;
    }

    /** One entry's bytes, counted. Extends InputStream, not FilterInputStream, so that skipped bytes count too. */
    private final class EntryBytes extends InputStream {

        private final InputStream in;
        private final String name;
        private final long declared;
        private final boolean packagePart;
        private long read;
        private final byte[] one = new byte[1];

        EntryBytes(InputStream in, String name, long declared, boolean packagePart) {
            this.in = in;
            this.name = XlsxZipCheck.shown(name);
            this.declared = declared;
            this.packagePart = packagePart;
        }

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int count = in.read(bytes, offset, length);
            if (count > 0) {
                read += count;
                check(count);
            }
            return count;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private void check(int count) {
            if (packagePart && read > maxPackagePartBytes) {
                throw refused(FileProblem.of("unsafe", name + ": a package part (content types, relationships, "
                        + "document properties) holds at most " + maxPackagePartBytes + " bytes, this one inflates "
                        + "to more. The file looks built to exhaust memory"));
            }
            if (read > declared) {
                throw refused(FileProblem.of("unsafe", name + ": inflates to more than its zip directory declares ("
                        + declared + " bytes); the file is damaged or built to attack. Open it in Excel and save it "
                        + "again"));
            }
            try {
                budget.spend(count, name);
            } catch (ValidationException e) {
                throw refused(e);
            }
        }
    }
}
