package io.crmkit.impl.sheet;

import javax.xml.stream.XMLStreamConstants;

/**
 * What the reader needs from xl/workbook.xml.
 *
 * @param firstSheetRelationId the relationship id of the first sheet (the leftmost tab)
 * @param date1904             whether date serial numbers count from 1904 instead of 1900 (old Mac workbooks)
 */
record WorkbookInfo(String firstSheetRelationId, boolean date1904) {

    /**
     * Reads the workbook part up to its first sheet.
     *
     * @throws io.crmkit.api.error.ValidationException {@code empty} when the workbook lists no sheet, or the
     *         errors of {@link XmlPart}
     */
    static WorkbookInfo read(XmlPart xml) {
        boolean date1904 = false;
        while (xml.next() != XMLStreamConstants.END_DOCUMENT) {
            if (xml.isStart("workbookPr")) {
                String value = xml.attribute("date1904");
                date1904 = "1".equals(value) || "true".equals(value);
            } else if (xml.isStart("sheet")) {
                String id = xml.attribute("id");
                if (id == null) {
                    throw FileProblem.of("malformed", xml.name() + ": the first sheet has no relationship id. Open "
                            + "the file in Excel and save it again");
                }
                return new WorkbookInfo(id, date1904);
            }
        }
        throw FileProblem.of("empty", "the workbook has no sheet");
    }
}
