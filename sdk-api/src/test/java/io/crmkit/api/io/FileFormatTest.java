package io.crmkit.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.error.ValidationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileFormatTest {

    @ParameterizedTest
    @CsvSource({"customers.xlsx,XLSX", "CUSTOMERS.XLS,XLS", "a.b.csv,CSV", "hubspot export.Xls,XLS"})
    void namesTheFormatOfAFileByItsExtensionInAnyCase(String name, FileFormat format) {
        assertThat(FileFormat.ofFileName(name)).contains(format);
        assertThat(ImportFile.of(Path.of(name)).format()).isEqualTo(format);
    }

    @ParameterizedTest
    @CsvSource({"customers.xlsb", "customers.xl", "customers.xlsx.bak", "xls"})
    void namesNoFormatForAnotherExtension(String name) {
        assertThat(FileFormat.ofFileName(name)).isEmpty();
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> ImportFile.of(Path.of(name)));
        assertThat(e).hasMessageContaining("is not .xlsx, .xls or .csv");
    }

    @Test
    void writesXlsxAndCsvButOnlyReadsXls() {
        assertThat(List.of(FileFormat.values())).filteredOn(FileFormat::canWrite)
                .containsExactly(FileFormat.XLSX, FileFormat.CSV);
    }

    @Test
    void anExportIsNeverWrittenAsXls() {
        ValidationException built = catchThrowableOfType(ValidationException.class,
                () -> ExportRequest.builder(FileFormat.XLS));
        ValidationException constructed = catchThrowableOfType(ValidationException.class,
                () -> new ExportRequest(FileFormat.XLS, ',', Optional.empty(), "", List.of(), Optional.empty()));
        for (ValidationException e : List.of(built, constructed)) {
            assertThat(e.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("format");
                assertThat(error.code()).isEqualTo("not_allowed");
                assertThat(error.message()).isEqualTo("format: files are written as XLSX or CSV; XLS is read by "
                        + "imports only");
            });
        }
    }
}
