package io.crmkit.impl.sheet;

import static io.crmkit.impl.sheet.HandWrittenXlsx.MAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.error.LimitExceededException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Shared-strings tables read at the same moment share one bound on the heap they hold. */
class SharedStringsTest {

    /** One string of 3000 characters: 6000 bytes of characters and 1024 end offsets of 4 bytes. */
    private static final long TABLE_BYTES = 6000 + 4096;

    @Test
    void tablesBeingReadTogetherStayWithinTheirSharedMemory() {
        TableMemory memory = new TableMemory(2 * TABLE_BYTES - 1);
        SharedStrings first = read(memory);

        assertThatThrownBy(() -> read(memory)).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.limit()).isEqualTo(2 * TABLE_BYTES - 1);
            assertThat(e.getMessage()).startsWith("file: shared strings: the workbooks being read at this moment");
        });
        first.release();
        assertThat(read(memory).get(0)).hasSize(3000);
    }

    @Test
    void aTableThatDoesNotFitGivesBackWhatItReserved() {
        TableMemory memory = new TableMemory(TABLE_BYTES - 1);

        assertThatThrownBy(() -> read(memory)).isInstanceOf(LimitExceededException.class);
        assertThatCode(() -> memory.reserve(TABLE_BYTES - 1, "part")).doesNotThrowAnyException();
    }

    @Test
    void releasingTwiceGivesBackOnce() {
        TableMemory memory = new TableMemory(TABLE_BYTES);
        SharedStrings table = read(memory);
        table.release();
        table.release();

        assertThatCode(() -> memory.reserve(TABLE_BYTES, "part")).doesNotThrowAnyException();
        assertThatThrownBy(() -> memory.reserve(1, "part")).isInstanceOf(LimitExceededException.class);
    }

    private static SharedStrings read(TableMemory memory) {
        String xml = "<sst xmlns=\"" + MAIN + "\"><si><t>" + "x".repeat(3000) + "</t></si></sst>";
        try (XmlPart part = XmlPart.open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                "shared strings")) {
            return SharedStrings.read(part, 1_000_000, memory);
        }
    }
}
