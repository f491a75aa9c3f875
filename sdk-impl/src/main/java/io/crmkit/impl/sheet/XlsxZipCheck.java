package io.crmkit.impl.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Inspects an .xlsx's zip directory before POI opens it, without inflating anything: refuses zip bombs by the sizes
 * the entries declare, and archives that are not Office packages at all. Declared sizes can lie, so the parts are
 * also counted while they are read ({@link CountedZipSource}), and none may inflate to more than it declares. POI's
 * global ZipSecureFile settings are left as the host set them.
 */
final class XlsxZipCheck {

    /** Entries in a package, as many as POI's own default allows. */
    static final int MAX_ENTRIES = 1000;
    /** How many times its compressed size an entry may inflate to: XML compresses 10 to 20 times, bombs far more. */
    static final long MAX_INFLATE_RATIO = 100;
    /** Entries up to this size are never refused for their ratio: small parts can compress very well. */
    static final long RATIO_GRACE_BYTES = 100 * 1024;

    private static final int MAX_NAME_SHOWN = 100;
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String RELATIONSHIPS_SUFFIX = ".rels";
    private static final String OPEN_DOCUMENT_MIME_TYPE = "mimetype";

    private XlsxZipCheck() {
    }

    /**
     * @throws io.crmkit.api.error.ValidationException {@code not_xlsx} for a file that is not a zip or a zip that is
     *         not an Office package; {@code unsafe} for an entry of unknown size, a declared total over the limit,
     *         a package part POI parses whole declared over {@link SheetLimits#maxPackagePartBytes()}, an extreme
     *         inflate ratio or more than {@value #MAX_ENTRIES} entries
     */
    static void check(Path file, SheetLimits limits) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            checkEntries(zip, limits);
        } catch (ZipException e) {
            throw FileProblem.of("not_xlsx", "this is not an .xlsx workbook: it starts like a zip archive but cannot "
                    + "be read as one (damaged or cut short?)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkEntries(ZipFile zip, SheetLimits limits) {
        boolean officePackage = false;
        boolean openDocument = false;
        long total = 0;
        int count = 0;
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            if (++count > MAX_ENTRIES) {
                throw FileProblem.of("unsafe", "an .xlsx workbook holds at most " + MAX_ENTRIES
                        + " files inside, this one has more");
            }
            officePackage |= entry.getName().equals(CONTENT_TYPES);
            openDocument |= entry.getName().equals(OPEN_DOCUMENT_MIME_TYPE);
            total += checkedSize(entry, limits);
            if (total > limits.maxUncompressedBytes()) {
                throw FileProblem.of("unsafe", "the workbook would inflate to more than "
                        + limits.maxUncompressedBytes() + " bytes; at most that much is read. Split it, or save it "
                        + "as CSV");
            }
        }
        if (!officePackage) {
            throw FileProblem.of("not_xlsx", openDocument
                    ? "this is an OpenDocument spreadsheet (.ods), not an .xlsx workbook. Save it as \"Excel "
                    + "Workbook (.xlsx)\""
                    : "this is a zip archive but not an .xlsx workbook (it has no [Content_Types].xml)");
        }
    }

    private static long checkedSize(ZipEntry entry, SheetLimits limits) {
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (size < 0 || compressed < 0) {
            throw FileProblem.of("unsafe", "the zip entry " + shown(entry) + " does not declare its size");
        }
        if (size > limits.maxUncompressedBytes()) {
            throw FileProblem.of("unsafe", "the zip entry " + shown(entry) + " would inflate to " + size
                    + " bytes, at most " + limits.maxUncompressedBytes() + " are read. Split the workbook, or save "
                    + "it as CSV");
        }
        if (isPackagePart(entry.getName()) && size > limits.maxPackagePartBytes()) {
            throw FileProblem.of("unsafe", "the zip entry " + shown(entry) + " would inflate to " + size
                    + " bytes; a package part (content types, relationships) holds at most "
                    + limits.maxPackagePartBytes() + ". The file looks built to exhaust memory");
        }
        if (size > RATIO_GRACE_BYTES && size / MAX_INFLATE_RATIO > compressed) {
            throw FileProblem.of("unsafe", "the zip entry " + shown(entry) + " would inflate from " + compressed
                    + " to " + size + " bytes, more than " + MAX_INFLATE_RATIO + " times: this looks like a zip bomb");
        }
        return size;
    }

    /**
     * @return whether POI parses the entry whole itself, into a DOM: the content types and every relationships part
     */
    static boolean isPackagePart(String name) {
        return name.equals(CONTENT_TYPES) || name.endsWith(RELATIONSHIPS_SUFFIX);
    }

    /** @return the entry's name for a message, cut short: a hostile name can be 64 KiB of anything */
    static String shown(String name) {
        return name.length() <= MAX_NAME_SHOWN ? name : name.substring(0, MAX_NAME_SHOWN) + "...";
    }

    private static String shown(ZipEntry entry) {
        return shown(entry.getName());
    }
}
