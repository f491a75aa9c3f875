package io.crmkit.impl.sheet;

import static io.crmkit.impl.sheet.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkupScannerTest {

    private static final int MAX = 100;

    @ParameterizedTest
    @ValueSource(strings = {"<a b=\"%s\"/>", "<!--%s-->", "<?pi %s?>", "<![CDATA[%s]]>", "<v>%s</v>"})
    void acceptsEachKindOfStretchUpToTheLimit(String template) {
        assertThatCode(() -> scanByteByByte(template.formatted("x".repeat(MAX - 20)))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<a b=\"%s\"/>", "<!--%s-->", "<?pi %s?>", "<![CDATA[%s]]>", "<v>%s</v>"})
    void refusesEachKindOfStretchOverTheLimitEvenWithMarkupInside(String template) {
        String inside = template.startsWith("<a") || template.startsWith("<v") ? "x".repeat(MAX) : "<x>".repeat(MAX);
        expectProblem(() -> scanByteByByte(template.formatted(inside)), "unsafe")
                .hasMessageContaining("part: more than 100 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!DOCTYPE a>", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e \"x\">]>"})
    void refusesADoctypeSplitAcrossReads(String xml) {
        expectProblem(() -> scanByteByByte(xml), "unsafe").hasMessageContaining("DOCTYPE");
    }

    private static void scanByteByByte(String xml) {
        MarkupScanner scanner = new MarkupScanner(MAX, "part");
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            scanner.scan(bytes, i, 1);
        }
    }
}
