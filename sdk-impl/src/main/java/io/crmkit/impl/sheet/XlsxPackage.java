package io.crmkit.impl.sheet;

import io.crmkit.api.error.ValidationException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * An .xlsx opened read-only with POI's event API (OPCPackage and XSSFReader, never the usermodel) over a
 * {@link CountedZipSource}, so that every byte POI or the reader inflates counts against the limits, handing out
 * its XML parts as hardened {@link XmlPart}s.
 */
final class XlsxPackage implements Closeable {

    private static final Set<String> WORKBOOK_CONTENT_TYPES = Set.of(
            XSSFRelation.WORKBOOK.getContentType(),
            XSSFRelation.MACROS_WORKBOOK.getContentType(),
            XSSFRelation.TEMPLATE_WORKBOOK.getContentType(),
            XSSFRelation.MACRO_TEMPLATE_WORKBOOK.getContentType(),
            XSSFRelation.MACRO_ADDIN_WORKBOOK.getContentType());
    /** Room in a {@link MarkupScanner} stretch for one character written as a character reference. */
    private static final int BYTES_PER_CHAR = 10;
    /** Room in a stretch for the tag around the longest cell. */
    private static final int TAG_ROOM = 64 * 1024;

    private final OPCPackage opc;
    private final XSSFReader reader;
    private final long maxStretch;

    private XlsxPackage(OPCPackage opc, XSSFReader reader, SheetLimits limits) {
        this.opc = opc;
        this.reader = reader;
        this.maxStretch = BYTES_PER_CHAR * (long) limits.maxCellChars() + TAG_ROOM;
    }

    /**
     * @param file a zip that {@link XlsxZipCheck} accepted
     * @throws io.crmkit.api.error.ValidationException {@code not_xlsx} for a package that is not an Excel workbook,
     *         {@code unsafe} for a part that inflates past a limit while POI reads it (see {@link CountedZipSource})
     */
    static XlsxPackage open(Path file, SheetLimits limits) {
        CountedZipSource source;
        try {
            source = CountedZipSource.open(file, limits);
        } catch (IOException e) {
            throw notXlsx();
        }
        OPCPackage opc;
        try {
            opc = OPCPackage.open(source);
        } catch (InvalidFormatException | RuntimeException e) {
            // POI reports a package it cannot make sense of with a checked or one of several runtime exceptions,
            // and may wrap the limit the source refused on.
            source.closeQuietly();
            throw source.problem().orElseGet(XlsxPackage::notXlsx);
        }
        try {
            requireWorkbook(opc);
            XlsxPackage xlsx = new XlsxPackage(opc, new XSSFReader(opc), limits);
            source.packageOpened();
            return xlsx;
        } catch (IOException | OpenXML4JException | POIXMLException e) {
            opc.revert();
            throw source.problem().orElseGet(() -> FileProblem.of("not_xlsx", "this Office file has no readable "
                    + "workbook. Open it in Excel and save it as \"Excel Workbook (.xlsx)\""));
        } catch (RuntimeException e) {
            opc.revert();
            throw source.problem().map(RuntimeException.class::cast).orElse(e);
        }
    }

    /** @return the workbook part (xl/workbook.xml) */
    XmlPart workbook() {
        try {
            return part(reader.getWorkbookData(), "workbook");
        } catch (IOException e) {
            throw PartFailure.of(e, "workbook");
        } catch (InvalidFormatException e) {
            throw broken("workbook");
        }
    }

    /** @return the styles part (xl/styles.xml), if the workbook has one */
    Optional<XmlPart> styles() {
        try {
            return Optional.ofNullable(reader.getStylesData()).map(in -> part(in, "styles"));
        } catch (IOException e) {
            throw PartFailure.of(e, "styles");
        } catch (InvalidFormatException e) {
            throw broken("styles");
        }
    }

    /** @return the shared-strings part (xl/sharedStrings.xml), if the workbook has one */
    Optional<XmlPart> sharedStrings() {
        try {
            return Optional.ofNullable(reader.getSharedStringsData()).map(in -> part(in, "shared strings"));
        } catch (IOException e) {
            throw PartFailure.of(e, "shared strings");
        } catch (InvalidFormatException e) {
            throw broken("shared strings");
        }
    }

    /** @return the sheet the workbook's relationship of this id points to */
    XmlPart sheet(String relationId) {
        try {
            return part(reader.getSheet(relationId), "first sheet");
        } catch (IOException e) {
            throw PartFailure.of(e, "first sheet");
        } catch (InvalidFormatException | IllegalArgumentException e) {
            throw broken("first sheet");
        }
    }

    /** Releases the file without writing anything. */
    @Override
    public void close() {
        opc.revert();
    }

    private XmlPart part(InputStream in, String name) {
        return XmlPart.open(new PartStream(in, name, maxStretch), name);
    }

    private static void requireWorkbook(OPCPackage opc) {
        PackageRelationship core = opc.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT)
                .getRelationship(0);
        if (core == null) {
            boolean strict = opc.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT)
                    .getRelationship(0) != null;
            throw FileProblem.of("not_xlsx", strict
                    ? "this workbook is saved as \"Strict Open XML\", which is not read. Save it as \"Excel Workbook "
                    + "(.xlsx)\""
                    : "this zip archive is not an Office document (it names no main part)");
        }
        PackagePart main = opc.getPart(core);
        String type = main == null ? "" : main.getContentType();
        if (type.equals(XSSFRelation.XLSB_BINARY_WORKBOOK.getContentType())) {
            throw FileProblem.of("not_xlsx", "this is an Excel binary workbook (.xlsb), not an .xlsx one. Save it as "
                    + "\"Excel Workbook (.xlsx)\"");
        }
        if (!WORKBOOK_CONTENT_TYPES.contains(type)) {
            throw FileProblem.of("not_xlsx", "this is an Office document but not an Excel workbook (its main part is "
                    + "of type " + type + ")");
        }
    }

    private static ValidationException notXlsx() {
        return FileProblem.of("not_xlsx", "this zip archive is not an .xlsx workbook (its package structure is "
                + "broken). Open it in Excel and save it as \"Excel Workbook (.xlsx)\"");
    }

    private static RuntimeException broken(String part) {
        return FileProblem.of("malformed", part + ": the workbook's parts do not fit together (a part is missing or "
                + "misnamed). Open the file in Excel and save it again");
    }
}
