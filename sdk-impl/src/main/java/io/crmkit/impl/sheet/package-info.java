/**
 * Streaming, hardened readers of uploaded table files: the first sheet of an .xlsx or .xls (Excel 97-2003) and
 * UTF-8 CSV, row by row, behind {@link io.crmkit.impl.sheet.SheetReaders#open}. Database-free; the import service maps the rows.
 *
 * <p>Decisions a caller relies on:
 * <ul>
 * <li>Cell texts are what Excel shows in the formula bar: strings as written, numbers as plain decimals of at most
 *     15 significant digits, date-formatted numbers as ISO dates ("yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "HH:mm:ss"
 *     for a time alone), booleans "TRUE"/"FALSE", formulas their cached value (never evaluated), errors their
 *     text such as "#N/A". CSV cells are the text between delimiters, unquoted.</li>
 * <li>Header cells are stripped; data cells are not. Rows of blank cells are skipped. A data row is padded to the
 *     header's width and keeps extra non-blank cells beyond it.</li>
 * <li>Every limit of {@link io.crmkit.impl.sheet.SheetLimits} bounds memory or time, and every refusal is a
 *     ValidationException with field "file" and a code listed on {@code SheetReaders}.</li>
 * <li>No thread is started; memory holds one row, plus a workbook's styles and shared strings, each bounded by a
 *     limit sized from the heap ({@link io.crmkit.impl.sheet.SheetLimits#forHeap}), and an .xls's container
 *     tables, bounded by its size and directory checks.</li>
 * <li>Row numbers strictly increase: where a workbook repeats a row number or goes back, the reader's own count
 *     takes over.</li>
 * </ul>
 */
package io.crmkit.impl.sheet;
