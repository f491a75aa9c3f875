package io.crmkit.impl.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Operator;
import io.crmkit.impl.identity.PhoneNormalizer;
import io.crmkit.impl.validation.Errors;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionCheckerTest {

    private static final String PATH = "filter.all[2]";

    /** A field of each place and value type, with its own operators: phones, verified and address among them. */
    private static final List<String> SAMPLE_FIELDS = List.of("name", "gender", "stage", "orderCount", "id",
            "birthday", "createdAt", "vip", "tags", "externalId", "phones", "emails", "verified", "address", "group",
            "savedFilter", "events.purchase", "score", "workPhone");

    private final Errors errors = new Errors();
    private final ConditionChecker checker = new ConditionChecker(FilterTestFields.fields(),
            new ComparedValues(new PhoneNormalizer("VN")), errors);

    static Stream<Arguments> everyOperatorOfEveryField() {
        List<Arguments> cases = new ArrayList<>();
        for (String field : SAMPLE_FIELDS) {
            for (Operator operator : Operator.values()) {
                cases.add(Arguments.of(field, operator));
            }
        }
        return cases.stream();
    }

    /** @return a value a field compares with, by the type the checker states for the operator */
    private static Object sample(FilterField field, Operator operator) {
        return switch (ConditionChecker.valueType(field, operator)) {
            case TEXT -> "Lan";
            case PHONE -> "0912";
            case EMAIL -> "lan@";
            case NUMBER -> new BigDecimal("5.5");
            case WHOLE_NUMBER -> 7L;
            case DATE -> LocalDate.of(1990, 5, 1);
            case DATETIME -> Instant.parse("2026-01-01T00:00:00Z");
            case BOOLEAN -> Boolean.TRUE;
            case CHOICE -> field.choices().isEmpty() ? "x" : field.choices().get(0);
            case ID -> 42L;
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyOperatorOfEveryField")
    void acceptsExactlyTheOperatorsOfTheFieldWithValuesOfTheTypeItStates(String key, Operator operator) {
        FilterField field = FilterTestFields.field(key);
        Filter.Condition condition = Filter.where(key, operator,
                Collections.nCopies(operator.minValues(), sample(field, operator)).toArray());

        Optional<ConditionChecker.Checked> checked = checker.check(condition, PATH);

        if (field.operators().contains(operator)) {
            assertThat(errors.isEmpty()).as("accepted").isTrue();
            assertThat(checked).hasValueSatisfying(value -> {
                assertThat(value.field().key()).isEqualTo(key);
                assertThat(value.operator()).isEqualTo(operator);
                assertThat(value.values()).hasSize(operator.minValues());
            });
        } else {
            assertThat(checked).isEmpty();
            assertRefused("not_allowed", "field '" + key + "'");
        }
    }

    static Stream<Arguments> valuesOfTheWrongType() {
        return Stream.of(
                Arguments.of("name", 5L, "compares with String values, got Long 5"),
                Arguments.of("gender", true, "compares with String values, got Boolean true"),
                Arguments.of("orderCount", "5", "compares with Number values, got String 5"),
                Arguments.of("birthday", Instant.EPOCH, "compares with LocalDate values, got Instant"),
                Arguments.of("createdAt", LocalDate.of(2026, 1, 1), "compares with Instant values, got LocalDate"),
                Arguments.of("vip", "yes", "compares with Boolean values, got String yes"),
                Arguments.of("phones", 912345678L, "compares with String values, got Long 912345678"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("valuesOfTheWrongType")
    void refusesAValueOfTheWrongType(String key, Object value, String message) {
        assertThat(checker.check(Filter.eq(key, value), PATH)).isEmpty();
        assertRefused("wrong_type", message);
    }

    @Test
    void refusesAnUnknownFieldAndNamesARetiredOne() {
        assertThat(checker.check(Filter.eq("shoeSize", "42"), PATH)).isEmpty();
        assertRefused("unknown_field", "no field 'shoeSize' to filter on");

        Errors retired = new Errors();
        new ConditionChecker(FilterTestFields.fields(), new ComparedValues(new PhoneNormalizer("VN")), retired)
                .check(Filter.eq("custom.oldCode", "A"), PATH);
        assertThatThrownBy(retired::throwIfAny).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.code()).isEqualTo("unknown_field");
                    assertThat(error.message()).contains("custom field 'custom.oldCode' is retired");
                }));
    }

    @ParameterizedTest
    @CsvSource({"1000, true", "1001, false"})
    void takesTextOfAtMostAThousandCharacters(int length, boolean accepted) {
        Optional<ConditionChecker.Checked> checked = checker.check(Filter.eq("name", "a".repeat(length)), PATH);
        assertThat(checked.isPresent()).isEqualTo(accepted);
        if (!accepted) {
            assertRefused("too_long", "at most 1000 characters, got 1001");
        }
    }

    @Test
    void refusesTextHoldingANulCharacter() {
        assertThat(checker.check(Filter.contains("name", "a\0b"), PATH)).isEmpty();
        assertRefused("invalid", "text without NUL characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901234567890123456789", "0.12345678901"})
    void refusesANumberTheDatabaseCannotStore(String number) {
        assertThat(checker.check(Filter.eq("totalSpent", new BigDecimal(number)), PATH)).isEmpty();
        assertRefused("out_of_range", "at most 28 digits before the point and 10 after it");
    }

    @Test
    void takesTheLargestStorableNumber() {
        assertThat(checker.check(Filter.eq("totalSpent", new BigDecimal("1234567890123456789012345678.0123456789")),
                PATH)).isPresent();
    }

    @Test
    void refusesADateOutsideTheStoredYears() {
        assertThat(checker.check(Filter.after("createdAt", Instant.parse("+10000-01-01T00:00:00Z")), PATH)).isEmpty();
        assertRefused("out_of_range", "dates of the years 0001 to 9999");
        Errors dates = new Errors();
        new ConditionChecker(FilterTestFields.fields(), new ComparedValues(new PhoneNormalizer("VN")), dates)
                .check(Filter.eq("birthday", LocalDate.of(-1, 1, 1)), PATH);
        assertThat(dates.hasErrorAt(PATH)).isTrue();
    }

    @Test
    void refusesAChoiceThatIsNotOneOfTheFieldsChoices() {
        assertThat(checker.check(Filter.eq("gender", "OTHER"), PATH)).isEmpty();
        assertRefused("not_allowed", "'OTHER' is not one of [MALE, FEMALE");
        assertThat(new ConditionChecker(FilterTestFields.fields(), new ComparedValues(new PhoneNormalizer("VN")),
                new Errors()).check(Filter.eq("stage", "lead"), PATH)).isPresent();
    }

    @ParameterizedTest
    @CsvSource({"0, false", "1, true", "36500, true", "36501, false", "-5, false"})
    void takesADayCountFromOneToAHundredYears(long days, boolean accepted) {
        Optional<ConditionChecker.Checked> checked = checker.check(
                Filter.where("createdAt", Operator.WITHIN_LAST_DAYS, days), PATH);
        assertThat(checked.isPresent()).isEqualTo(accepted);
        if (!accepted) {
            assertRefused("wrong_type", "WITHIN_LAST_DAYS takes a whole number of days from 1 to 36500, got " + days);
        }
    }

    @Test
    void refusesADayCountThatIsNotWhole() {
        assertThat(checker.check(Filter.where("birthday", Operator.BEFORE_DAYS_AGO, "7"), PATH)).isEmpty();
        assertRefused("wrong_type", "BEFORE_DAYS_AGO takes a whole number of days");
    }

    @Test
    void comparesTheIdColumnWithWholeNumbersOnly() {
        assertThat(checker.check(Filter.eq("id", new BigDecimal("12.5")), PATH)).isEmpty();
        assertRefused("wrong_type", "field 'id' compares with whole numbers, got 12.5");
        Errors whole = new Errors();
        Optional<ConditionChecker.Checked> checked = new ConditionChecker(FilterTestFields.fields(),
                new ComparedValues(new PhoneNormalizer("VN")), whole).check(Filter.eq("id", 12L), PATH);
        assertThat(checked.orElseThrow().values()).containsExactly(12L);
    }

    @Test
    void givesValuesInTheFormTheDatabaseStores() {
        assertThat(checker.check(Filter.eq("phones", "0912 345 678"), PATH).orElseThrow().values())
                .containsExactly("+84912345678");
        assertThat(checker.check(Filter.eq("emails", " Lan@Example.VN "), PATH).orElseThrow().values())
                .containsExactly("lan@example.vn");
        assertThat(checker.check(Filter.eq("orderCount", 3L), PATH).orElseThrow().values())
                .containsExactly(BigDecimal.valueOf(3));
    }

    @ParameterizedTest
    @CsvSource({
            "events.purchase, 2, 30, ",
            "events.Purchase, 2, 30, 'unknown_field'",
            "events., 2, 30, 'unknown_field'",
            "events.purchase, 0, 30, 'wrong_type'",
            "events.purchase, 1000001, 30, 'wrong_type'",
            "events.purchase, 1000000, 36500, ",
            "events.purchase, 2, 0, 'wrong_type'",
            "events.purchase, 2, 36501, 'wrong_type'"})
    void checksTheTypeCountAndDaysOfAnEventsCondition(String field, long times, long days, String code) {
        Optional<ConditionChecker.Checked> events = checker.check(
                Filter.where(field, Operator.OCCURRED_AT_LEAST, times, days), PATH);
        if (code == null) {
            assertThat(events).hasValueSatisfying(checked -> {
                assertThat(checked.field().column()).isEqualTo("purchase");
                assertThat(checked.values()).containsExactly(times, days);
            });
        } else {
            assertThat(events).isEmpty();
            assertRefused(code, "");
        }
    }

    @Test
    void refusesAnotherOperatorOnEvents() {
        assertThat(checker.check(Filter.eq("events.purchase", 2L), PATH)).isEmpty();
        assertRefused("not_allowed", "EQ does not fit field 'events.purchase'");
    }

    @ParameterizedTest
    @CsvSource({"savedFilter, a saved filter", "group, a group"})
    void takesAMembershipAsEqWithAnId(String field, String what) {
        assertThat(checker.check(Filter.eq(field, 42L), PATH).orElseThrow().values()).containsExactly(42L);
        assertThat(checker.check(Filter.ne(field, 42L), PATH)).isEmpty();
        assertRefused("not_allowed", "field '" + field + "' takes EQ with the id of " + what + ", not NE");
        Errors text = new Errors();
        new ConditionChecker(FilterTestFields.fields(), new ComparedValues(new PhoneNormalizer("VN")), text)
                .check(Filter.eq(field, "42"), PATH);
        assertThatThrownBy(text::throwIfAny).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.code()).isEqualTo("wrong_type");
                    assertThat(error.message()).contains("field '" + field + "' compares with the id of " + what);
                }));
    }

    private void assertRefused(String code, String message) {
        assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.errors()).hasSize(1);
            FieldError error = e.errors().get(0);
            assertThat(error.field()).isEqualTo(PATH);
            assertThat(error.code()).isEqualTo(code);
            assertThat(error.message()).contains(message);
        });
    }
}
