package io.crmkit.impl.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.error.ValidationException;
import io.crmkit.api.io.FileFormat;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SheetWritersTest {

    @Test
    void refusesToWriteXlsWhichIsReadOnlyWithoutCreatingTheFile(@TempDir Path dir) {
        Path file = dir.resolve("out.xls");
        assertThatThrownBy(() -> SheetWriters.open(file, FileFormat.XLS, ','))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> assertThat(error.field() + "/" + error.code())
                                .isEqualTo("format/not_allowed")));
        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> SheetWriters.open(new ByteArrayOutputStream(), FileFormat.XLS, ','))
                .isInstanceOf(ValidationException.class).hasMessageContaining("XLS is read by imports only");
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"XLSX", "CSV"})
    void countsTheDataRowsWithoutTheHeader(FileFormat format) {
        try (SheetWriter writer = SheetWriters.open(new ByteArrayOutputStream(), format, ',')) {
            writer.header(List.of("a"));
            assertThat(writer.rows()).isZero();
            writer.row(List.of("1"));
            writer.row(List.of());
            assertThat(writer.rows()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"XLSX", "CSV"})
    void flushesButLeavesOpenTheCallersStream(FileFormat format) throws IOException {
        TrackedStream out = new TrackedStream();
        try (SheetWriter writer = SheetWriters.open(out, format, ',')) {
            writer.header(List.of("a"));
        }

        assertThat(out.closed).isFalse();
        assertThat(out.flushed).isTrue();
        out.write('x');
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"XLSX", "CSV"})
    void wantsTheHeaderOnceAndFirst(FileFormat format) {
        try (SheetWriter writer = SheetWriters.open(new ByteArrayOutputStream(), format, ',')) {
            assertThatThrownBy(() -> writer.row(List.of("1"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("header");
            assertThatThrownBy(() -> writer.header(List.of())).isInstanceOf(IllegalArgumentException.class);
            writer.header(List.of("a"));
            assertThatThrownBy(() -> writer.header(List.of("a"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("once");
        }
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"XLSX", "CSV"})
    void refusesRowsAfterCloseAndClosesOnlyOnce(FileFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetWriter writer = SheetWriters.open(out, format, ',');
        writer.header(List.of("a"));
        writer.close();
        int size = out.size();

        writer.close();
        assertThat(out.size()).isEqualTo(size);
        assertThatThrownBy(() -> writer.row(List.of("1"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"XLSX", "CSV"})
    void reportsAFailingStreamAsUncheckedIoException(FileFormat format) {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        SheetWriter writer = SheetWriters.open(broken, format, ',');
        writer.header(List.of("a"));

        assertThatThrownBy(writer::close).isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("disk full");
    }

    /** Remembers whether it was flushed or closed, and fails writes once closed. */
    private static final class TrackedStream extends FilterOutputStream {
        private boolean flushed;
        private boolean closed;

        TrackedStream() {
            super(new ByteArrayOutputStream());
        }

        @Override
        public void write(int b) throws IOException {
            if (closed) {
                throw new IOException("closed");
            }
            super.write(b);
        }

        @Override
        public void flush() throws IOException {
            flushed = true;
            super.flush();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
