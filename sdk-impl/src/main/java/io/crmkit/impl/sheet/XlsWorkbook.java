package io.crmkit.impl.sheet;

import io.crmkit.api.error.CrmException;
import io.crmkit.api.error.ValidationException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The workbook stream of an Office 97-2003 (OLE2) file, opened read-only with POI's POIFS straight from the file:
 * POI reads the container's allocation tables and directory into memory (after {@link Ole2Check} has bounded them)
 * and the stream's sectors as they are read, never the whole file. Tells apart what an OLE2 file that is no readable .xls can be: an Excel 95 or older
 * workbook, an encrypted .xlsx, another Office document, a damaged container.
 */
final class XlsWorkbook implements Closeable {

    /** The stream of an Excel 97-2003 (BIFF8) workbook; some writers spell it in capitals. */
    private static final String WORKBOOK = "Workbook";
    /** The stream of an Excel 5 or 95 (BIFF5/BIFF7) workbook. */
    private static final String BOOK = "Book";
    /** The streams of an encrypted .xlsx (ECMA-376 agile or standard encryption). */
    private static final String ENCRYPTION_INFO = "EncryptionInfo";
    private static final String ENCRYPTED_PACKAGE = "EncryptedPackage";

    private final POIFSFileSystem poifs;
    private final DocumentInputStream stream;

    private XlsWorkbook(POIFSFileSystem poifs, DocumentInputStream stream) {
        this.poifs = poifs;
        this.stream = stream;
    }

    /**
     * @param file     a file that starts with the OLE2 signature
     * @param notExcel the code for an OLE2 file that holds no Excel 97-2003 workbook: {@code not_xls} or
     *                 {@code not_xlsx}, after the format the file claims
     * @throws ValidationException {@code malformed} for a container POI cannot read, {@code unsafe} for one
     *         {@link Ole2Check} refuses, {@code encrypted} for an encrypted .xlsx, notExcel for an Excel 95 or older
     *         workbook or another Office document
     */
    static XlsWorkbook open(Path file, String notExcel) {
        Ole2Check.check(file);
        POIFSFileSystem poifs;
        try {
            poifs = new POIFSFileSystem(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw damaged();
        }
        try {
            return new XlsWorkbook(poifs, workbookStream(poifs.getRoot(), notExcel));
        } catch (CrmException e) {
            closeQuietly(poifs, e);
            throw e;
        } catch (IOException | RuntimeException e) {
            ValidationException problem = damaged();
            closeQuietly(poifs, problem);
            throw problem;
        }
    }

    /** @return the workbook stream, read sector by sector from the file; closed with this workbook */
    DocumentInputStream stream() {
        return stream;
    }

    @Override
    public void close() {
        try {
            stream.close();
            poifs.close();
        } catch (IOException e) {
            // Read-only: nothing to lose; the file handle is released either way.
        }
    }

    private static DocumentInputStream workbookStream(DirectoryNode root, String notExcel) throws IOException {
        if (root.hasEntryCaseInsensitive(WORKBOOK)) {
            return root.createDocumentInputStream(root.getEntryCaseInsensitive(WORKBOOK));
        }
        if (root.hasEntryCaseInsensitive(BOOK)) {
            throw FileProblem.excel95(notExcel);
        }
        if (root.hasEntry(ENCRYPTION_INFO) || root.hasEntry(ENCRYPTED_PACKAGE)) {
            throw FileProblem.encrypted();
        }
        throw FileProblem.of(notExcel, "this is an Office 97-2003 file but not an Excel workbook (a Word or "
                + "PowerPoint document?). Choose the file that holds the customers");
    }

    private static ValidationException damaged() {
        return FileProblem.of("malformed", "this Excel 97-2003 (.xls) workbook is damaged or cut short: its container "
                + "cannot be read. Open the file in Excel and save it again");
    }

    private static void closeQuietly(POIFSFileSystem poifs, RuntimeException failure) {
        try {
            poifs.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
