package io.crmkit.impl.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.filter.FieldMetadata;
import io.crmkit.api.filter.Operator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whitelist is the one list of fields: every list column and sort key is on it, every built-in field has a label,
 * and the metadata states for each operator the arity and value type the checker accepts.
 */
class FilterFieldsTest {

    private final FilterFields fields = FilterTestFields.fields();

    @Test
    void everyBuiltInListColumnIsAFilterField() {
        for (String column : ListColumns.builtIn()) {
            assertThat(fields.resolve(column)).as(column).isPresent();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"createdAt", "updatedAt", "name", "nickname", "company", "country", "province", "city",
            "source", "status", "stage", "id", "lastActivityAt", "activity30d", "orderCount", "totalSpent",
            "valueRating"})
    void everySortKeyIsAFilterField(String key) {
        assertThat(SortKey.isSortable(key)).isTrue();
        assertThat(fields.resolve(key)).isPresent();
    }

    @Test
    void everyFieldOfTheWhitelistHasALabelAndAtLeastOneOperator() {
        for (FilterField field : fields.all(List.of("purchase", "webinar"))) {
            assertThat(field.operators()).as(field.key()).isNotEmpty();
            if (field.custom().isEmpty()) {
                assertThat(FieldLabels.of(field.key())).as(field.key()).isPresent();
            }
        }
    }

    @Test
    void describesEveryOperatorWithItsArityAndTheValueTypeTheCheckerTakes() {
        List<FieldMetadata> described = FilterMetadata.describe(fields, List.of("purchase"),
                new FilterMetadata.Options(List.of()), new FilterMetadata.Options(List.of()));

        assertThat(described).extracting(FieldMetadata::key).doesNotHaveDuplicates()
                .contains("vip", "score", "group", "savedFilter", "events.purchase").doesNotContain("oldCode");
        for (FieldMetadata field : described) {
            FilterField whitelisted = fields.resolve(field.key()).orElseThrow();
            assertThat(field.operators()).extracting(FieldMetadata.AllowedOperator::operator).as(field.key())
                    .containsExactlyElementsOf(whitelisted.operators());
            for (FieldMetadata.AllowedOperator allowed : field.operators()) {
                assertThat(allowed.arity()).isEqualTo(allowed.operator().arity());
                assertThat(allowed.valueType()).isEqualTo(ConditionChecker.valueType(whitelisted, allowed.operator()));
            }
        }
    }

    @Test
    void cutsOptionsPastTheLimitAndSaysSo() {
        List<FieldMetadata.Option> many = LongStream.rangeClosed(1, FieldMetadata.MAX_OPTIONS + 1)
                .mapToObj(id -> new FieldMetadata.Option(id, "group " + id)).toList();

        FieldMetadata group = FilterMetadata.describe(fields, List.of(), new FilterMetadata.Options(many),
                new FilterMetadata.Options(List.of())).stream().filter(field -> field.key().equals("group"))
                .findFirst().orElseThrow();

        assertThat(group.options()).hasSize(FieldMetadata.MAX_OPTIONS);
        assertThat(group.optionsComplete()).isFalse();
    }

    @Test
    void theAddressMatchesEveryPartOfIt() {
        assertThat(FilterFields.ADDRESS_COLUMNS).containsExactly("country", "province", "city", "area",
                "address_detail");
        assertThat(fields.resolve("address").orElseThrow().operators()).containsExactly(Operator.CONTAINS,
                Operator.NOT_CONTAINS, Operator.STARTS_WITH, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY);
    }
}
