package io.crmkit.impl.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import io.crmkit.impl.validation.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SavedFilterInlinerTest {

    private final Map<Long, Filter> saved = Map.of(
            1L, Filter.eq("city", "Hanoi"),
            2L, Filter.all(Filter.inSavedFilter(1), Filter.hasTag("vip")));
    private final List<Long> reads = new ArrayList<>();
    private final Errors errors = new Errors();

    private SavedFilterInliner inliner(List<Long> referencing) {
        return new SavedFilterInliner(id -> {
            reads.add(id);
            return Optional.ofNullable(saved.get(id));
        }, referencing, errors);
    }

    @Test
    void readsEachReferencedSavedFilterOncePerCompilation() {
        SavedFilterInliner inliner = inliner(List.of());
        for (int i = 0; i < 3; i++) {
            assertThat(inliner.enter(1, "filter.any[" + i + "]")).contains(saved.get(1L));
            inliner.exit();
        }
        assertThat(reads).containsExactly(1L);
    }

    @Test
    void refusesAReferenceBackToASavedFilterBeingInlined() {
        SavedFilterInliner inliner = inliner(List.of(2L));
        assertThat(inliner.enter(1, "filter")).isPresent();
        assertThat(inliner.enter(2, "filter.savedFilter[1]")).isEmpty();
        assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("filter.savedFilter[1]");
                    assertThat(error.code()).isEqualTo("not_allowed");
                    assertThat(error.message()).contains("saved filter 2 would refer to itself through [1, 2]");
                }));
    }

    @Test
    void refusesReferencesDeeperThanTheDepthLimit() {
        List<Long> chain = new ArrayList<>();
        for (long id = 100; id < 100 + Filter.MAX_DEPTH; id++) {
            chain.add(id);
        }
        assertThat(inliner(chain).enter(1, "filter")).isEmpty();
        assertThatThrownBy(errors::throwIfAny).hasMessageContaining("at most " + Filter.MAX_DEPTH + " deep");
    }

    @Test
    void refusesASavedFilterTheTenantDoesNotHave() {
        assertThat(inliner(List.of()).enter(9, "filter.all[0]")).isEmpty();
        assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("filter.all[0]");
                    assertThat(error.code()).isEqualTo("unknown_field");
                }));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, Filter.MAX_EXPANDED_CONDITIONS})
    void countsUpToTheExpandedLimit(int conditions) {
        SavedFilterInliner inliner = inliner(List.of());
        inliner.startFilter();
        for (int i = 0; i < conditions; i++) {
            inliner.count("filter.all[" + i + "]");
        }
        inliner.endFilter();
        assertThat(inliner.conditions()).isEqualTo(conditions);
    }

    @Test
    void stopsAtTheConditionPastTheExpandedLimit() {
        SavedFilterInliner inliner = inliner(List.of());
        inliner.startFilter();
        for (int i = 0; i < Filter.MAX_EXPANDED_CONDITIONS; i++) {
            inliner.count("filter.all[" + i + "]");
        }
        assertThatThrownBy(() -> inliner.count("filter.all[1000]"))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("filter.all[1000]");
                            assertThat(error.code()).isEqualTo("too_many");
                            assertThat(error.message()).contains("the filter has more than 1000 conditions");
                        }));
    }

    @Test
    void blamesTheOutermostReferenceThatTookTheFilterPastTheLimit() {
        SavedFilterInliner inliner = inliner(List.of());
        inliner.startFilter();
        inliner.count("filter.any[0]");
        inliner.enter(2, "filter.any[0]");
        inliner.count("filter.any[0].savedFilter[2].all[0]");
        inliner.enter(1, "filter.any[0].savedFilter[2].all[0]");
        // Each reference was replaced by the filter it names: no condition counted so far.
        for (int i = 0; i < Filter.MAX_EXPANDED_CONDITIONS; i++) {
            inliner.count("deep");
        }
        assertThatThrownBy(() -> inliner.count("deeper")).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("filter.any[0]");
                    assertThat(error.message()).contains("saved filter 2 brings the filter to more than 1000");
                }));
    }

    @Test
    void aReferenceCountsTheConditionsOfTheFilterItNamesNotItself() {
        SavedFilterInliner inliner = inliner(List.of());
        inliner.startFilter();
        inliner.count("filter");
        inliner.enter(1, "filter");
        inliner.count("filter.savedFilter[1]");
        inliner.exit();
        inliner.endFilter();
        assertThat(inliner.conditions()).isEqualTo(1);
    }

    @Test
    void findsTheSavedFiltersAFilterRefersToItself() {
        assertThat(SavedFilterInliner.references(Filter.all(Filter.inSavedFilter(1), Filter.any(
                Filter.inSavedFilter(3), Filter.eq("city", "Hue"), Filter.inSavedFilter(1)))))
                .isEqualTo(Set.of(1L, 3L));
        assertThat(SavedFilterInliner.references(Filter.eq("city", "Hue"))).isEmpty();
    }
}
