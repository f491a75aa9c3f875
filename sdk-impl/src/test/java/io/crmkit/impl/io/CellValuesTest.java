package io.crmkit.impl.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"vip, new", "vip; new", "vip;new", "vip\uFF0Cnew", "vip\u3001new", "vip\nnew", "vip\rnew",
            "vip\r\nnew", " vip ,  new ", "vip,,new", ", vip ;; new ;", "vip, new, vip", "vip\uFF0C new\u3001vip\r\n"})
    void aTagsCellSplitsOnEverySeparatorTrimsDropsEmptyPiecesAndRepeats(String cell) {
        assertThat(CellValues.tags(cell)).containsExactly("vip", "new");
    }

    @Test
    void tagsKeepTheOrderOfTheirFirstAppearanceAndInnerSpaces() {
        assertThat(CellValues.tags("new customer; vip, new customer\u3001a b")).containsExactly("new customer", "vip",
                "a b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ",", " ; , \uFF0C \u3001 \r\n "})
    void aCellOfSeparatorsHoldsNoTag(String cell) {
        assertThat(CellValues.tags(cell)).isEmpty();
    }

    @Test
    void aTagsCellAsTheExportWritesItReadsBack() {
        assertThat(CellValues.tags(String.join("; ", List.of("fair", "vip", "o'brien", "say \"hi\"", "=x"))))
                .containsExactly("fair", "vip", "o'brien", "say \"hi\"", "=x");
    }

    @Test
    void phonesAndEmailsSplitOnSemicolonsAndLineBreaksOnlySinceACommaMayBelongToTheValue() {
        assertThat(CellValues.items("+84 912, 345 678; 0912000002\r\n0912000003\n\n;")).containsExactly(
                "+84 912, 345 678", "0912000002", "0912000003");
    }
}
