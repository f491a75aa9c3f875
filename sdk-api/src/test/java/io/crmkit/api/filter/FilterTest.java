package io.crmkit.api.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterTest {

    private static Filter nested(int depth) {
        Filter filter = Filter.eq("city", "Hanoi");
        for (int i = 0; i < depth; i++) {
            filter = Filter.all(filter);
        }
        return filter;
    }

    @Test
    void buildsTheTreeOfTheDesignExample() {
        Filter filter = Filter.all(Filter.eq("city", "Hanoi"),
                Filter.any(Filter.hasTag("vip"), Filter.after("createdAt", Instant.parse("2019-11-01T18:00:00Z"))));

        Filter.Group all = (Filter.Group) filter;
        assertThat(all.match()).isEqualTo(Filter.Match.ALL);
        assertThat(all.filters().get(0)).isEqualTo(new Filter.Condition("city", Operator.EQ, List.of("Hanoi")));
        Filter.Group any = (Filter.Group) all.filters().get(1);
        assertThat(any.filters()).containsExactly(new Filter.Condition("tags", Operator.HAS_ANY, List.of("vip")),
                new Filter.Condition("createdAt", Operator.GT, List.of(Instant.parse("2019-11-01T18:00:00Z"))));
    }

    @Test
    void holdsNumbersInCanonicalTypesSoThatEqualFiltersCompareEqual() {
        assertThat(Filter.eq("points", 42)).isEqualTo(Filter.eq("points", 42L));
        assertThat(Filter.eq("points", 4.0)).isEqualTo(Filter.eq("points", 4L));
        assertThat(Filter.eq("points", new BigDecimal("4.50")).values()).containsExactly(new BigDecimal("4.5"));
        assertThat(Filter.eq("points", BigInteger.TEN.pow(30)).values().get(0)).isInstanceOf(BigDecimal.class);
    }

    @Test
    void refusesValuesOfOtherTypesAndNulls() {
        assertThatThrownBy(() -> Filter.eq("city", new Object())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("got Object");
        assertThatThrownBy(() -> Filter.eq("city", null)).hasMessageContaining("use IS_EMPTY");
    }

    @Test
    void checksHowManyValuesEachOperatorTakes() {
        assertThatThrownBy(() -> Filter.where("age", Operator.BETWEEN, 1)).hasMessageEndingWith("filter: BETWEEN on 'age' takes 2 value(s), got 1");
        assertThatThrownBy(() -> Filter.where("city", Operator.IS_EMPTY, "x")).hasMessageContaining("takes 0");
        assertThatThrownBy(() -> Filter.in("city", List.of())).hasMessageContaining("takes 1 to 1000");
        assertThat(Filter.in("city", Collections.nCopies(1000, "x")).values()).hasSize(1000);
        assertThatThrownBy(() -> Filter.in("city", Collections.nCopies(1001, "x"))).hasMessageContaining("got 1001");
    }

    @Test
    void refusesABlankOrOverlongFieldAndAnEmptyGroup() {
        assertThatThrownBy(() -> Filter.eq(" ", "x")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Filter.eq("f".repeat(65), "x")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(Filter::all).hasMessageEndingWith("filter: a group needs at least one filter");
    }

    @Test
    void nestsTenGroupsDeepButNotEleven() {
        assertThat(nested(Filter.MAX_DEPTH)).isInstanceOf(Filter.Group.class);
        assertThatThrownBy(() -> nested(Filter.MAX_DEPTH + 1)).hasMessageEndingWith("filter: filter groups nest at most 10 deep");
    }

    @Test
    void holdsTwoHundredConditionsButNotMore() {
        Filter[] conditions = IntStream.range(0, 201).mapToObj(i -> Filter.eq("city", "c" + i)).toArray(Filter[]::new);

        assertThat(Filter.any(Arrays.copyOf(conditions, 200))).isNotNull();
        assertThatThrownBy(() -> Filter.any(conditions)).hasMessageEndingWith("filter: a filter holds at most 200 conditions, got 201");
        assertThatThrownBy(() -> Filter.all(Filter.any(Arrays.copyOf(conditions, 150)),
                Filter.any(Arrays.copyOfRange(conditions, 150, 201)))).hasMessageContaining("got 201");
    }

    @Test
    void namesGroupAndSavedFilterMembershipWithoutTheirPseudoFields() {
        assertThat(Filter.inGroup(7)).isEqualTo(Filter.eq("group", 7L));
        assertThat(Filter.inSavedFilter(9)).isEqualTo(Filter.eq("savedFilter", 9L));
    }

    @Test
    void occurredIsTheEventsPseudoFieldCondition() {
        assertThat(Filter.occurred("call", 3, 30))
                .isEqualTo(Filter.where("events.call", Operator.OCCURRED_AT_LEAST, 3L, 30L));
        assertThat(Filter.occurred("t".repeat(40), 1_000_000, 36_500).field()).isEqualTo("events." + "t".repeat(40));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Call", "call.back", "call back", "e'x"})
    void occurredRefusesAnEventTypeOutsideItsAlphabet(String type) {
        assertThatThrownBy(() -> Filter.occurred(type, 1, 1)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors().get(0))
                        .extracting(FieldError::field, FieldError::code).containsExactly("filter", "invalid"));
        assertThatThrownBy(() -> Filter.occurred("t".repeat(41), 1, 1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Filter.occurred(null, 1, 1)).isInstanceOf(ValidationException.class);
    }

    @Test
    void occurredRefusesACountOrWindowOnePastItsRange() {
        assertThatThrownBy(() -> Filter.occurred("call", 0, 30)).hasMessageContaining("1 to 1000000, got 0");
        assertThatThrownBy(() -> Filter.occurred("call", 1_000_001, 30)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Filter.occurred("call", 1, 0)).hasMessageContaining("1 to 36500, got 0");
        assertThatThrownBy(() -> Filter.occurred("call", 1, 36_501))
                .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).limit()).contains("36500"));
    }
}
