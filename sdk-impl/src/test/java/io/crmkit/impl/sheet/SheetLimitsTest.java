package io.crmkit.impl.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SheetLimitsTest {

    @Test
    void defaultsFitExcelAndKeepAnUploadBounded() {
        assertThat(SheetLimits.defaults()).isEqualTo(
                new SheetLimits(1000, 32_767, 50_000_000L, 2L * 1024 * 1024 * 1024, 100L * 1024 * 1024));
    }

    @Test
    void refusesALimitThatIsNotPositiveNamingIt() {
        assertThatThrownBy(() -> new SheetLimits(0, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxColumns: must be positive, got 0");
        assertThatThrownBy(() -> new SheetLimits(1, 1, 1, 1, -5)).hasMessage("maxFileBytes: must be positive, got -5");
    }

    @Test
    void refusesASharedStringsLimitOneCharacterBufferCannotHold() {
        assertThat(new SheetLimits(1, 1, 2_000_000_000L, 1, 1).maxSharedStringsChars()).isEqualTo(2_000_000_000L);
        assertThatThrownBy(() -> new SheetLimits(1, 1, 2_000_000_001L, 1, 1))
                .hasMessage("maxSharedStringsChars: at most 2000000000, got 2000000001");
    }
}
