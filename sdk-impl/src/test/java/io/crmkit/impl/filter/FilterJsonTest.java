package io.crmkit.impl.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterJsonTest {

    private static FieldError parseFails(String json) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> FilterJson.parse(json));
        assertThat(e).as("refused: %s", json).isNotNull();
        return e.errors().get(0);
    }

    @Test
    void writesTheDocumentedForm() {
        Filter filter = Filter.all(Filter.eq("city", "Hanoi"),
                Filter.any(Filter.hasTag("vip"), Filter.after("createdAt", Instant.parse("2019-11-01T18:00:00Z"))));

        assertThat(FilterJson.toJson(filter)).isEqualTo("{\"version\":1,\"filter\":{\"all\":["
                + "{\"field\":\"city\",\"op\":\"EQ\",\"values\":[\"Hanoi\"]},"
                + "{\"any\":[{\"field\":\"tags\",\"op\":\"HAS_ANY\",\"values\":[\"vip\"]},"
                + "{\"field\":\"createdAt\",\"op\":\"GT\",\"values\":[{\"instant\":\"2019-11-01T18:00:00Z\"}]}]}]}}");
    }

    @Test
    void roundTripsEveryValueTypeAndOperatorExactly() {
        Filter filter = Filter.any(
                Filter.eq("name", "Lan \"the\" \\ 😀"),
                Filter.between("points", 1, 1_000_000_000_000L),
                Filter.where("ratio", Operator.LT, new BigDecimal("0.0000000001")),
                Filter.where("huge", Operator.GT, new BigDecimal("1E+99999")),
                Filter.where("active", Operator.IS_TRUE),
                Filter.eq("vip", false),
                Filter.between("birthday", LocalDate.of(1990, 1, 1), LocalDate.of(1999, 12, 31)),
                Filter.after("createdAt", Instant.parse("2024-05-31T08:00:00.123456Z")),
                Filter.isEmpty("phones"),
                Filter.all(Filter.hasAllTags("a", "b"), Filter.hasNoTag("c"), Filter.withinLastDays("updatedAt", 30)));

        assertThat(FilterJson.parse(FilterJson.toJson(filter))).isEqualTo(filter);
    }

    @Test
    void roundTripsRandomTreesExactly() {
        long seed = 20261125L;
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            Filter filter = randomFilter(random, 0);
            assertThat(FilterJson.parse(FilterJson.toJson(filter))).as("seed %d, tree %d", seed, i).isEqualTo(filter);
        }
    }

    private static Filter randomFilter(Random random, int depth) {
        if (depth < 4 && random.nextInt(3) == 0) {
            int size = 1 + random.nextInt(3);
            Filter[] children = new Filter[size];
            for (int i = 0; i < size; i++) {
                children[i] = randomFilter(random, depth + 1);
            }
            return random.nextBoolean() ? Filter.all(children) : Filter.any(children);
        }
        Object value = switch (random.nextInt(6)) {
            case 0 -> "t" + random.nextInt(1000);
            case 1 -> random.nextLong();
            case 2 -> BigDecimal.valueOf(random.nextInt(100_000), 3);
            case 3 -> random.nextBoolean();
            case 4 -> LocalDate.ofEpochDay(random.nextInt(40_000));
            default -> Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000) * 1000L);
        };
        return Filter.eq("f" + random.nextInt(10), value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json                                                  | $                     | not valid JSON",
            "[]                                                        | $                     | expected an object",
            "{\"filter\":{\"all\":[]}}                                 | $.version             | must be 1",
            "{\"version\":2,\"filter\":{}}                             | $.version             | must be 1, got 2",
            "{\"version\":1,\"filter\":{},\"x\":1}                     | $.x                   | unknown key",
            "{\"version\":1}                                           | $.filter              | expected a group",
            "{\"version\":1,\"filter\":{\"all\":[]}}                   | $.filter.all          | at least one filter",
            "{\"version\":1,\"filter\":{\"all\":[1],\"any\":[1]}}      | $.filter              | exactly one key",
            "{\"version\":1,\"filter\":{\"any\":[{\"op\":\"EQ\"}]}}    | $.filter.any[0].field | the field's key",
            "{\"version\":1,\"filter\":{\"field\":\"a\",\"op\":\"LIKE\",\"values\":[1]}} | $.filter.op | expected an operator",
            "{\"version\":1,\"filter\":{\"field\":\"a\",\"op\":\"EQ\",\"values\":1}}     | $.filter.values | expected a list",
            "{\"version\":1,\"filter\":{\"field\":\"a\",\"op\":\"EQ\",\"values\":[null]}} | $.filter.values[0] | expected text",
            "{\"version\":1,\"filter\":{\"field\":\"a\",\"op\":\"EQ\",\"values\":[{\"date\":\"2024-02-30\"}]}} | $.filter.values[0].date | yyyy-mm-dd",
            "{\"version\":1,\"filter\":{\"field\":\"a\",\"op\":\"EQ\",\"values\":[{\"instant\":\"2024-02-01\"}]}} | $.filter.values[0].instant | an instant",
            "{\"version\":1,\"filter\":{\"field\":\"a\",\"op\":\"EQ\",\"values\":[1,2]}}  | $.filter | takes 1 value(s), got 2",
            "{\"version\":1,\"filter\":{\"field\":\"a\",\"op\":\"EQ\",\"values\":[1],\"x\":0}} | $.filter.x | unknown key"})
    void refusesAMalformedDocumentSayingWhereAndWhat(String json, String path, String problem) {
        FieldError error = parseFails(json);

        assertThat(error.field()).isEqualTo(path);
        assertThat(error.message()).startsWith(path + ": ").contains(problem);
    }

    @Test
    void refusesBlankOversizedTooDeepAndOverlongNumbers() {
        assertThat(parseFails("  ").message()).contains("a filter document is required");
        assertThat(parseFails(null).message()).contains("got null");
        assertThat(parseFails("{\"version\":1,\"filter\":{\"field\":\"" + "a".repeat(100_000) + "\"}}").message())
                .contains("at most 100000 characters");
        String deep = "{\"all\":[".repeat(11) + "{\"field\":\"a\",\"op\":\"IS_EMPTY\"}" + "]}".repeat(11);
        assertThat(parseFails("{\"version\":1,\"filter\":" + deep + "}").message()).contains("nest at most 10 deep");
        assertThat(parseFails("{\"version\":1,\"filter\":{\"field\":\"a\",\"op\":\"EQ\",\"values\":[1" + "0".repeat(80)
                + "]}}").message()).contains("not valid JSON");
    }

    @Test
    void readsTheValuesAHostWouldWriteByHand() {
        Filter filter = FilterJson.parse("{\"version\":1,\"filter\":{\"field\":\"points\",\"op\":\"IN\","
                + "\"values\":[1, 2.50, \"three\", true]}}");

        assertThat(((Filter.Condition) filter).values()).containsExactly(1L, new BigDecimal("2.5"), "three", true);
        assertThat(FilterJson.parse("{\"version\":1,\"filter\":{\"field\":\"phones\",\"op\":\"IS_EMPTY\"}}"))
                .isEqualTo(Filter.isEmpty("phones"));
    }
}
