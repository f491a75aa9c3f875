package io.crmkit.impl.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TemplateWriterTest {

    private static final List<TemplateColumn> COLUMNS = List.of(
            new TemplateColumn("Name", "Nguyen Van Lan", "required; 1 to 80 characters", true, List.of()),
            new TemplateColumn("Phones", "+84 912 345 678; 0987654321", "several separated by \";\"", false,
                    List.of()),
            new TemplateColumn("Status", "active", "one of the listed values", true,
                    List.of("active", "paused", "lost, then won back")),
            new TemplateColumn("Birthday", "1990-05-17", "yyyy-MM-dd", false, List.of()),
            new TemplateColumn("Level", null, null, false, List.of("gold", "silver")));

    @Test
    void writesTheCustomersSheetFirstThenTheInstructions() throws IOException {
        try (XSSFWorkbook workbook = template(COLUMNS)) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Customers");
            assertThat(workbook.getSheetName(1)).isEqualTo("Instructions");
            assertThat(workbook.getActiveSheetIndex()).isZero();
            assertThat(workbook.getSheetVisibility(0)).isEqualTo(SheetVisibility.VISIBLE);
            assertThat(workbook.getSheetVisibility(1)).isEqualTo(SheetVisibility.VISIBLE);
        }
    }

    @Test
    void writesTheHeaderRowAndOneExampleRow() throws IOException {
        try (XSSFWorkbook workbook = template(COLUMNS)) {
            XSSFSheet customers = workbook.getSheet("Customers");
            assertThat(texts(customers.getRow(0))).containsExactly("Name", "Phones", "Status", "Birthday", "Level");
            assertThat(texts(customers.getRow(1)))
                    .containsExactly("Nguyen Van Lan", "+84 912 345 678; 0987654321", "active", "1990-05-17");
            assertThat(customers.getRow(1).getCell(4)).isNull();
            assertThat(customers.getLastRowNum()).isEqualTo(1);
            assertThat(customers.getPaneInformation().isFreezePane()).isTrue();
        }
    }

    @Test
    void marksRequiredHeadersBoldRedWithTheirNoteAsAComment() throws IOException {
        try (XSSFWorkbook workbook = template(COLUMNS)) {
            XSSFSheet customers = workbook.getSheet("Customers");
            XSSFCell name = customers.getRow(0).getCell(0);
            XSSFCell phones = customers.getRow(0).getCell(1);

            assertThat(name.getCellStyle().getFont().getBold()).isTrue();
            assertThat(name.getCellStyle().getFont().getColor()).isEqualTo(IndexedColors.RED.getIndex());
            assertThat(name.getCellComment().getString().getString()).isEqualTo("required; 1 to 80 characters");
            assertThat(phones.getCellStyle().getFont().getColor()).isNotEqualTo(IndexedColors.RED.getIndex());
            assertThat(customers.getRow(0).getCell(4).getCellComment()).isNull();
        }
    }

    @Test
    void formatsTheCustomerColumnsAsTextSoTypedValuesStayAsTyped() throws IOException {
        try (XSSFWorkbook workbook = template(COLUMNS)) {
            XSSFSheet customers = workbook.getSheet("Customers");
            for (int i = 0; i < COLUMNS.size(); i++) {
                assertThat(customers.getColumnStyle(i).getDataFormatString()).isEqualTo("@");
                assertThat(customers.getColumnWidth(i)).isBetween(12 * 256, 60 * 256);
            }
            assertThat(customers.getColumnWidth(1)).isGreaterThan(customers.getColumnWidth(0));
        }
    }

    @Test
    void offersADropDownListForEachColumnWithChoicesOverTheImportRows() throws IOException {
        try (XSSFWorkbook workbook = template(COLUMNS)) {
            XSSFSheet customers = workbook.getSheet("Customers");
            List<XSSFDataValidation> validations = customers.getDataValidations();

            assertThat(validations).hasSize(2);
            XSSFDataValidation status = validations.stream()
                    .filter(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == 2).findFirst().orElseThrow();
            CellRangeAddress range = status.getRegions().getCellRangeAddress(0);
            assertThat(range.formatAsString()).isEqualTo("C2:C200001");
            assertThat(status.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
            assertThat(status.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
            assertThat(status.getShowErrorBox()).isTrue();
            assertThat(choices(workbook, status.getValidationConstraint().getFormula1()))
                    .containsExactly("active", "paused", "lost, then won back");
            // In OOXML showDropDown="1" hides the arrow: it must be off.
            assertThat(customers.getCTWorksheet().getDataValidations().getDataValidationArray(0).getShowDropDown())
                    .isFalse();
        }
    }

    @Test
    void keepsTheChoicesOnAHiddenThirdSheet() throws IOException {
        try (XSSFWorkbook workbook = template(COLUMNS)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetName(2)).isEqualTo("Choices");
            assertThat(workbook.getSheetVisibility(2)).isEqualTo(SheetVisibility.HIDDEN);
        }
    }

    @Test
    void writesNoChoicesSheetWhenNoColumnHasChoices() throws IOException {
        try (XSSFWorkbook workbook = template(List.of(COLUMNS.get(0)))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.getSheet("Customers").getDataValidations()).isEmpty();
        }
    }

    @Test
    void explainsHowToFillInTheTemplate() throws IOException {
        try (XSSFWorkbook workbook = template(COLUMNS)) {
            String instructions = String.join("\n", allTexts(workbook.getSheet("Instructions")));

            assertThat(instructions).contains("How to fill in", "200,000", "yyyy-MM-dd", "separate them with \";\"",
                    "red header are required", "whatsapp:+84912345678; web:abc", "vip, fair",
                    "A remark may have several lines");
        }
    }

    @Test
    void listsEveryColumnInTheInstructionsTable() throws IOException {
        try (XSSFWorkbook workbook = template(COLUMNS)) {
            XSSFSheet instructions = workbook.getSheet("Instructions");
            int tableHeader = rowStartingWith(instructions, "Column");

            assertThat(texts(instructions.getRow(tableHeader)))
                    .containsExactly("Column", "Required", "Rule", "Allowed values");
            assertThat(texts(instructions.getRow(tableHeader + 1)))
                    .containsExactly("Name", "yes", "required; 1 to 80 characters", "");
            assertThat(texts(instructions.getRow(tableHeader + 3)))
                    .containsExactly("Status", "yes", "one of the listed values",
                            "active, paused, lost, then won back");
            assertThat(texts(instructions.getRow(tableHeader + 5))).containsExactly("Level", "no", "", "gold, silver");
            assertThat(instructions.getLastRowNum()).isEqualTo(tableHeader + COLUMNS.size());
        }
    }

    @Test
    void flushesButLeavesOpenTheCallersStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("the caller's stream was closed");
            }
        };

        TemplateWriter.write(out, COLUMNS);

        assertThat(out.size()).isPositive();
    }

    @Test
    void rejectsATemplateWithoutColumns() {
        assertThatThrownBy(() -> TemplateWriter.write(new ByteArrayOutputStream(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one column");
    }

    @Test
    void rejectsAHeaderThatIsInTheTemplateTwice() {
        List<TemplateColumn> twice = List.of(COLUMNS.get(0), new TemplateColumn(" name ", "", "", false, List.of()));

        assertThatThrownBy(() -> TemplateWriter.write(new ByteArrayOutputStream(), twice))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(" name ")
                .hasMessageContaining("twice");
    }

    @Test
    void rejectsAColumnWithoutHeaderOrWithABlankChoice() {
        assertThatThrownBy(() -> new TemplateColumn(" ", "", "", false, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> new TemplateColumn("Level", "", "", false, List.of("gold", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Level");
    }

    @Test
    void readsAMissingExampleNoteOrChoicesAsNone() {
        TemplateColumn column = new TemplateColumn("Name", null, null, true, null);

        assertThat(column.example()).isEmpty();
        assertThat(column.note()).isEmpty();
        assertThat(column.choices()).isEmpty();
    }

    private static XSSFWorkbook template(List<TemplateColumn> columns) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TemplateWriter.write(out, columns);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    /** @return the texts of the cells a list formula such as {@code Choices!$C$1:$C$3} points at */
    private static List<String> choices(XSSFWorkbook workbook, String formula) {
        String[] sheetAndRange = formula.split("!");
        XSSFSheet sheet = workbook.getSheet(sheetAndRange[0]);
        CellRangeAddress range = CellRangeAddress.valueOf(sheetAndRange[1]);
        List<String> texts = new ArrayList<>();
        for (int row = range.getFirstRow(); row <= range.getLastRow(); row++) {
            texts.add(sheet.getRow(row).getCell(range.getFirstColumn()).getStringCellValue());
        }
        return texts;
    }

    private static int rowStartingWith(XSSFSheet sheet, String text) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals(text)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row starts with " + text);
    }

    private static List<String> allTexts(XSSFSheet sheet) {
        List<String> texts = new ArrayList<>();
        sheet.forEach(row -> texts.addAll(texts(row)));
        return texts;
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }
}
