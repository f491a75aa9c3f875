package io.crmkit.impl.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SheetLimitsTest {

    private static final long MIB = 1L << 20;

    @Test
    void aSmallHeapGetsMemoryLimitsSizedFromIt() {
        assertThat(SheetLimits.forHeap(256 * MIB)).isEqualTo(
                new SheetLimits(1000, 32_767, 524_288, 8_388_608, 262_144, 2L * 1024 * MIB, 100 * MIB));
    }

    @Test
    void aLargeHeapIsCappedAtTheFixedLimits() {
        assertThat(SheetLimits.forHeap(64L * 1024 * MIB)).isEqualTo(
                new SheetLimits(1000, 32_767, 1_000_000, 50_000_000, MIB, 2L * 1024 * MIB, 100 * MIB));
    }

    @Test
    void defaultsAreSizedFromThisJvmsHeap() {
        assertThat(SheetLimits.defaults()).isEqualTo(SheetLimits.forHeap(Runtime.getRuntime().maxMemory()));
    }

    @Test
    void refusesAHeapTooSmallToShare() {
        assertThatThrownBy(() -> SheetLimits.forHeap(1000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heap: at least 1 MiB, got 1000");
    }

    @Test
    void refusesALimitThatIsNotPositiveNamingIt() {
        assertThatThrownBy(() -> new SheetLimits(0, 1, 1, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxColumns: must be positive, got 0");
        assertThatThrownBy(() -> new SheetLimits(1, 1, 0, 1, 1, 1, 1))
                .hasMessage("maxRowChars: must be positive, got 0");
        assertThatThrownBy(() -> new SheetLimits(1, 1, 1, 1, 0, 1, 1))
                .hasMessage("maxPackagePartBytes: must be positive, got 0");
        assertThatThrownBy(() -> new SheetLimits(1, 1, 1, 1, 1, 1, -5))
                .hasMessage("maxFileBytes: must be positive, got -5");
    }

    @Test
    void refusesASharedStringsLimitOneCharacterArrayCannotHold() {
        assertThat(new SheetLimits(1, 1, 1, 2_000_000_000L, 1, 1, 1).maxSharedStringsChars()).isEqualTo(2_000_000_000L);
        assertThatThrownBy(() -> new SheetLimits(1, 1, 1, 2_000_000_001L, 1, 1, 1))
                .hasMessage("maxSharedStringsChars: at most 2000000000, got 2000000001");
    }
}
