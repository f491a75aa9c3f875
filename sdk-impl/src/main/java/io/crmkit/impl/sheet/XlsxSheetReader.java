package io.crmkit.impl.sheet;

import java.nio.file.Path;

/**
 * Reads the first sheet of an .xlsx as a stream of rows, with memory bounded by the limits rather than the number of
 * rows: the zip is checked first ({@link XlsxZipCheck}), then the package is opened read-only with POI's event API,
 * the styles and shared strings are read (the latter up to its limit, in the JVM's {@link TableMemory}, given back
 * on close), and the sheet's XML is pulled one row at a
 * time with StAX. No thread is started. Cell texts are as {@link SheetXmlRows} and {@link XlsxNumbers} describe.
 */
final class XlsxSheetReader extends TableReader {

    private final XlsxPackage xlsx;
    private final SharedStrings strings;
    private final XmlPart sheet;
    private final SheetXmlRows rows;

    private XlsxSheetReader(XlsxPackage xlsx, SharedStrings strings, XmlPart sheet, SheetXmlRows rows) {
        this.xlsx = xlsx;
        this.strings = strings;
        this.sheet = sheet;
        this.rows = rows;
    }

    /**
     * @param file a file that starts like a zip archive
     * @throws io.crmkit.api.error.ValidationException for a file that is not a readable .xlsx or breaks a limit
     */
    static XlsxSheetReader open(Path file, SheetLimits limits) {
        XlsxZipCheck.check(file, limits);
        XlsxPackage xlsx = XlsxPackage.open(file, limits);
        try {
            WorkbookInfo workbook;
            try (XmlPart part = xlsx.workbook()) {
                workbook = WorkbookInfo.read(part);
            }
            CellStyles styles = xlsx.styles().map(XlsxSheetReader::readStyles).orElseGet(CellStyles::none);
            SharedStrings strings = xlsx.sharedStrings()
                    .map(part -> readStrings(part, limits))
                    .orElseGet(SharedStrings::none);
            try {
                XmlPart sheet = xlsx.sheet(workbook.firstSheetRelationId());
                return new XlsxSheetReader(xlsx, strings, sheet,
                        new SheetXmlRows(sheet, strings, styles, workbook.date1904(), limits));
            } catch (RuntimeException e) {
                strings.release();
                throw e;
            }
        } catch (RuntimeException e) {
            xlsx.close();
            throw e;
        }
    }

    @Override
    SheetRow readRow() {
        return rows.next();
    }

    @Override
    void release() {
        strings.release();
        try {
            sheet.close();
        } finally {
            xlsx.close();
        }
    }

    private static CellStyles readStyles(XmlPart part) {
        try (part) {
            return CellStyles.read(part);
        }
    }

    private static SharedStrings readStrings(XmlPart part, SheetLimits limits) {
        try (part) {
            return SharedStrings.read(part, limits.maxSharedStringsChars(), TableMemory.JVM);
        }
    }
}
