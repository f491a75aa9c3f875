package io.crmkit.impl.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a minimal .xlsx part by part, so a test can put into it what Excel never would: hostile XML, broken
 * references, lying sizes.
 */
public final class HandWrittenXlsx {

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String CORE_PROPERTIES =
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    private static final String SPREADSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

    private String workbook = "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\"><sheets>"
            + "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    private String mainContentType = SPREADSHEET_TYPE + "sheet.main+xml";
    private byte[] sheet;
    private byte[] sharedStrings;
    private byte[] styles;
    private String contentTypesMarkup = "";
    private String relationshipsComment = "";
    private String corePropertiesName;
    private boolean stored;
    private final Map<String, byte[]> extraEntries = new LinkedHashMap<>();

    private HandWrittenXlsx(byte[] sheet) {
        this.sheet = sheet;
    }

    /** @param sheetData the rows, such as {@code <row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row>} */
    public static HandWrittenXlsx withRows(String sheetData) {
        return withSheetXml("<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + sheetData + "</sheetData></worksheet>");
    }

    /** @param xml the whole worksheet part */
    static HandWrittenXlsx withSheetXml(String xml) {
        return new HandWrittenXlsx(utf8(xml));
    }

    /** @return an inline-string cell such as {@code <c r="B2" t="inlineStr"><is><t>text</t></is></c>} */
    public static String inline(String reference, String text) {
        return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    HandWrittenXlsx sheetBytes(byte[] bytes) {
        this.sheet = bytes;
        return this;
    }

    HandWrittenXlsx workbookXml(String xml) {
        this.workbook = xml;
        return this;
    }

    HandWrittenXlsx mainContentType(String contentType) {
        this.mainContentType = contentType;
        return this;
    }

    /** @param sst the whole shared-strings part */
    HandWrittenXlsx sharedStringsXml(String sst) {
        this.sharedStrings = utf8(sst);
        return this;
    }

    /** @param strings plain shared strings, in index order */
    public HandWrittenXlsx sharedStrings(String... strings) {
        StringBuilder sst = new StringBuilder("<sst xmlns=\"" + MAIN + "\">");
        for (String string : strings) {
            sst.append("<si><t>").append(string).append("</t></si>");
        }
        return sharedStringsXml(sst.append("</sst>").toString());
    }

    /** @param xml the whole styles part */
    HandWrittenXlsx stylesXml(String xml) {
        this.styles = utf8(xml);
        return this;
    }

    /** Puts this markup into [Content_Types].xml before its overrides, to make it as large as wanted. */
    public HandWrittenXlsx contentTypesExtra(String markup) {
        this.contentTypesMarkup = markup;
        return this;
    }

    /** Puts a comment of this text into [Content_Types].xml, to make it as large as wanted. */
    public HandWrittenXlsx contentTypesComment(String text) {
        this.contentTypesMarkup = "<!--" + text + "-->";
        return this;
    }

    /** Puts a comment of this text into the package relationships (_rels/.rels). */
    HandWrittenXlsx relationshipsComment(String text) {
        this.relationshipsComment = "<!--" + text + "-->";
        return this;
    }

    /** Adds a core-properties part of this name, which POI reads while it opens the package. */
    HandWrittenXlsx coreProperties(String name, String xml) {
        this.corePropertiesName = name;
        extraEntries.put(name, utf8(xml));
        return this;
    }

    /** Stores every entry uncompressed, as a file does whose sheet must pass an inflate-ratio check. */
    public HandWrittenXlsx stored() {
        this.stored = true;
        return this;
    }

    /** Adds a zip entry no relationship points to. */
    HandWrittenXlsx extraEntry(String name, byte[] content) {
        extraEntries.put(name, content);
        return this;
    }

    public Path writeTo(Path file) {
        try {
            return Files.write(file, bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", utf8(contentTypes()));
        entries.put("_rels/.rels", utf8("<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\">"
                + relationshipsComment
                + "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + (corePropertiesName == null ? "" : "<Relationship Id=\"rId2\" Type=\"" + CORE_PROPERTIES
                + "\" Target=\"" + corePropertiesName + "\"/>")
                + "</Relationships>"));
        entries.put("xl/workbook.xml", utf8(workbook));
        entries.put("xl/_rels/workbook.xml.rels", utf8(workbookRelationships()));
        entries.put("xl/worksheets/sheet1.xml", sheet);
        if (sharedStrings != null) {
            entries.put("xl/sharedStrings.xml", sharedStrings);
        }
        if (styles != null) {
            entries.put("xl/styles.xml", styles);
        }
        entries.putAll(extraEntries);
        return stored ? storedZip(entries) : zip(entries);
    }

    /** @return a zip of these entries, deflated */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @return a zip of these entries, stored uncompressed */
    static byte[] storedZip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry stored = new ZipEntry(entry.getKey());
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(entry.getValue().length);
                stored.setCompressedSize(entry.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(entry.getValue());
                stored.setCrc(crc.getValue());
                zip.putNextEntry(stored);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Rewrites the uncompressed size the zip's central directory declares for one entry, as a hostile file would.
     */
    static byte[] declareSize(byte[] zip, String entryName, int size) {
        ByteBuffer buffer = ByteBuffer.wrap(zip.clone()).order(ByteOrder.LITTLE_ENDIAN);
        int endOfDirectory = zip.length - 22;
        int at = buffer.getInt(endOfDirectory + 16);
        while (buffer.getInt(at) == 0x02014b50) {
            int nameLength = buffer.getShort(at + 28);
            String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
            if (name.equals(entryName)) {
                buffer.putInt(at + 24, size);
                return buffer.array();
            }
            at += 46 + nameLength + buffer.getShort(at + 30) + buffer.getShort(at + 32);
        }
        throw new IllegalArgumentException("no entry " + entryName);
    }

    private String contentTypes() {
        return "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" "
                + "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + contentTypesMarkup
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + mainContentType + "\"/>"
                + (corePropertiesName == null ? "" : "<Override PartName=\"/" + corePropertiesName
                + "\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>")
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" + SPREADSHEET_TYPE
                + "worksheet+xml\"/>"
                + (sharedStrings == null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\""
                + SPREADSHEET_TYPE + "sharedStrings+xml\"/>")
                + (styles == null ? "" : "<Override PartName=\"/xl/styles.xml\" ContentType=\"" + SPREADSHEET_TYPE
                + "styles+xml\"/>")
                + "</Types>";
    }

    private String workbookRelationships() {
        return "<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/worksheet\" "
                + "Target=\"worksheets/sheet1.xml\"/>"
                + (sharedStrings == null ? "" : "<Relationship Id=\"rId2\" Type=\"" + RELATIONSHIPS
                + "/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                + (styles == null ? "" : "<Relationship Id=\"rId3\" Type=\"" + RELATIONSHIPS
                + "/styles\" Target=\"styles.xml\"/>")
                + "</Relationships>";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
