package io.crmkit.field;

import static io.crmkit.field.FieldFixtures.onlyError;
import static io.crmkit.field.FieldFixtures.options;
import static io.crmkit.field.FieldFixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.crmkit.api.Crm;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

@ShardedToo
class FieldDefinitionTest {

    @DbTest
    void definesAFieldOfEveryTypeAndListsThemInDefinitionOrder(TestDb db) {
        Crm crm = db.crm();
        List<FieldType> types = new ArrayList<>(Arrays.asList(FieldType.values()));
        // Defined against enum order, so that only definition order can explain the order listed.
        Collections.reverse(types);
        for (FieldType type : types) {
            FieldFixtures.define(crm, "f_" + type.name().toLowerCase(Locale.ROOT), type);
        }

        List<FieldDefinition> listed = crm.fields().list();

        assertThat(listed).extracting(FieldDefinition::type).containsExactlyElementsOf(types);
        assertThat(listed).extracting(FieldDefinition::key)
                .containsExactlyElementsOf(types.stream().map(t -> "f_" + t.name().toLowerCase(Locale.ROOT)).toList());
        assertThat(listed).allSatisfy(field -> {
            assertThat(field.version()).isEqualTo(1);
            assertThat(field.retired()).isFalse();
            assertThat(field.required()).isFalse();
        });
    }

    @DbTest
    void defineReturnsTheDefinitionThatListAndFindReturnLater(TestDb db) {
        Crm crm = db.crm();

        FieldDefinition defined = crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER)
                .label("Loyalty points").required(true).min(0).max(1_000_000).build());

        assertThat(crm.fields().list()).containsExactly(defined);
        assertThat(crm.fields().find("points")).contains(defined);
        assertThat(db.count("field")).isEqualTo(1);
    }

    @DbTest
    void listReturnsATextFieldWithItsMaxLength(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("nickname_2", FieldType.TEXT).maxLength(40).build());

        FieldDefinition listed = crm.fields().list().get(0);

        assertThat(listed.maxLength()).isEqualTo(OptionalInt.of(40));
        assertThat(listed.min()).isEmpty();
        assertThat(listed.max()).isEmpty();
        assertThat(listed.options()).isEmpty();
    }

    @DbTest
    void listReturnsANumericFieldWithItsMinAndMax(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("discount", FieldType.DECIMAL)
                .min(new BigDecimal("-0.5")).max(new BigDecimal("99.75")).build());

        FieldDefinition listed = crm.fields().list().get(0);

        assertThat(listed.min()).hasValueSatisfying(min -> assertThat(min).isEqualByComparingTo("-0.5"));
        assertThat(listed.max()).hasValueSatisfying(max -> assertThat(max).isEqualByComparingTo("99.75"));
        assertThat(listed.maxLength()).isEmpty();
    }

    @DbTest
    void aWholeNumberLimitIsReturnedAsTheNumberGivenNotInExponentForm(TestDb db) {
        Crm crm = db.crm();

        FieldDefinition defined = crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).max(100).build());

        assertThat(defined.max()).contains(BigDecimal.valueOf(100));
        assertThat(crm.fields().find("points").orElseThrow().max()).contains(BigDecimal.valueOf(100));
    }

    @DbTest
    void listReturnsAChoiceFieldWithItsOptionsInTheOrderGiven(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("tier", FieldType.SINGLE_CHOICE)
                .options("gold", "silver", "bronze", "Ánh sáng 🌟").build());

        assertThat(crm.fields().list().get(0).options()).containsExactly("gold", "silver", "bronze", "Ánh sáng 🌟");
    }

    @DbTest
    void theLabelDefaultsToTheKey(TestDb db) {
        FieldDefinition defined = db.crm().fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());

        assertThat(defined.label()).isEqualTo("points");
        assertThat(db.crm().fields().find("points").orElseThrow().label()).isEqualTo("points");
    }

    @DbTest
    void aBlankLabelDefaultsToTheKey(TestDb db) {
        FieldDefinition defined = db.crm().fields().define(FieldDraft.builder("points", FieldType.NUMBER)
                .label("   ").build());

        assertThat(defined.label()).isEqualTo("points");
    }

    @DbTest
    void theLabelIsTrimmed(TestDb db) {
        FieldDefinition defined = db.crm().fields().define(FieldDraft.builder("points", FieldType.NUMBER)
                .label("  Loyalty points ").build());

        assertThat(defined.label()).isEqualTo("Loyalty points");
    }

    @DbTest
    void acceptsALabelOf80Characters(TestDb db) {
        String label = "é".repeat(79) + "🌟";

        db.crm().fields().define(FieldDraft.builder("points", FieldType.NUMBER).label(label).build());

        assertThat(db.crm().fields().find("points").orElseThrow().label()).isEqualTo(label);
    }

    @DbTest
    void refusesALabelOf81Characters(TestDb db) {
        FieldError error = onlyError(db, () -> db.crm().fields().define(FieldDraft.builder("points", FieldType.NUMBER)
                .label("a".repeat(81)).build()));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("label", "too_long");
        assertThat(error.limit()).contains("80");
    }

    @DbTest
    void refusesALabelWithALineBreak(TestDb db) {
        FieldError error = onlyError(db, () -> db.crm().fields().define(FieldDraft.builder("points", FieldType.NUMBER)
                .label("Loyalty\npoints").build()));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("label", "invalid");
    }

    @DbTest
    void acceptsAKeyOf40Characters(TestDb db) {
        String key = "k" + "_".repeat(19) + "9".repeat(20);

        db.crm().fields().define(FieldDraft.builder(key, FieldType.TEXT).build());

        assertThat(db.crm().fields().find(key)).isPresent();
    }

    @DbTest
    void acceptsAKeyOfOneLetter(TestDb db) {
        db.crm().fields().define(FieldDraft.builder("k", FieldType.TEXT).build());

        assertThat(db.crm().fields().find("k")).isPresent();
    }

    @DbTest
    void refusesAKeyOf41Characters(TestDb db) {
        String key = "k".repeat(41);

        FieldError error = onlyError(db, () -> db.crm().fields().define(FieldDraft.builder(key, FieldType.TEXT)
                .build()));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("key", "invalid");
        assertThat(error.limit()).contains("40");
        assertThat(error.message()).contains(key);
    }

    @DbTest
    void refusesAnEmptyKey(TestDb db) {
        FieldError error = onlyError(db, () -> db.crm().fields().define(FieldDraft.builder("", FieldType.TEXT)
                .build()));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("key", "invalid");
    }

    @DbTest
    void refusesKeysWithCharactersOtherThanLettersDigitsAndUnderscore(TestDb db) {
        List<String> keys = List.of("loyalty-points", "loyalty points", "loyalty.points", "điểm", "points;drop",
                "points'", "points\n", "\tpoints", "points%", "p\u0000", "points🌟");
        for (String key : keys) {
            FieldError error = onlyError(db, () -> db.crm().fields().define(FieldDraft.builder(key, FieldType.TEXT)
                    .build()));

            assertThat(error).as("key '%s'", key).extracting(FieldError::field, FieldError::code)
                    .containsExactly("key", "invalid");
        }
    }

    @DbTest
    void refusesKeysWithUpperCaseLetters(TestDb db) {
        for (String key : List.of("Points", "loyaltyPoints", "POINTS")) {
            FieldError error = onlyError(db, () -> db.crm().fields().define(FieldDraft.builder(key, FieldType.TEXT)
                    .build()));

            assertThat(error).as("key '%s'", key).extracting(FieldError::field, FieldError::code)
                    .containsExactly("key", "invalid");
        }
    }

    @DbTest
    void refusesKeysThatDoNotStartWithALetter(TestDb db) {
        for (String key : List.of("9lives", "_points", "0")) {
            FieldError error = onlyError(db, () -> db.crm().fields().define(FieldDraft.builder(key, FieldType.TEXT)
                    .build()));

            assertThat(error).as("key '%s'", key).extracting(FieldError::field, FieldError::code)
                    .containsExactly("key", "invalid");
        }
    }

    @DbTest
    void refusesKeysThatShadowABuiltInField(TestDb db) {
        List<String> keys = List.of("name", "phones", "external_id", "externalid", "created_at", "wechat_open_id",
                "version", "phone", "email", "tenant_id", "custom");
        for (String key : keys) {
            FieldError error = onlyError(db, () -> db.crm().fields().define(FieldDraft.builder(key, FieldType.TEXT)
                    .build()));

            assertThat(error).as("key '%s'", key).extracting(FieldError::field, FieldError::code)
                    .containsExactly("key", "not_allowed");
            assertThat(error.message()).contains(key);
        }
    }

    @DbTest
    void refusesTheCamelCaseKeyOfABuiltInFieldForItsUpperCaseLetter(TestDb db) {
        FieldError error = onlyError(db, () -> db.crm().fields().define(FieldDraft.builder("createdAt", FieldType.TEXT)
                .build()));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("key", "invalid");
    }

    @DbTest
    void acceptsAKeyThatOnlyStartsLikeABuiltInField(TestDb db) {
        db.crm().fields().define(FieldDraft.builder("name_in_kanji", FieldType.TEXT).build());
        db.crm().fields().define(FieldDraft.builder("phone_2", FieldType.PHONE).build());

        assertThat(db.crm().fields().list()).extracting(FieldDefinition::key)
                .containsExactly("name_in_kanji", "phone_2");
    }

    @DbTest
    void refusesAKeyThatIsAlreadyTakenAndWritesNothing(TestDb db) {
        Crm crm = db.crm();
        FieldDefinition first = crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
        List<Integer> before = db.allCounts();

        assertThatThrownBy(() -> crm.fields().define(FieldDraft.builder("points", FieldType.TEXT).label("Other")
                .build()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("'points'")
                .hasMessageContaining("already taken")
                .hasMessageNotContaining("retired");
        assertThat(db.allCounts()).isEqualTo(before);
        assertThat(crm.fields().list()).containsExactly(first);
    }

    @DbTest
    void reportsEveryProblemOfADraftAtOnce(TestDb db) {
        ValidationException refused = refusal(db, () -> db.crm().fields().define(
                FieldDraft.builder("Bad Key", FieldType.NUMBER)
                        .label("l".repeat(81))
                        .maxLength(10)
                        .min(new BigDecimal("1.5"))
                        .max(BigDecimal.ZERO)
                        .options("a")
                        .build()));

        assertThat(refused.errors()).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                tuple("key", "invalid"),
                tuple("label", "too_long"),
                tuple("maxLength", "not_allowed"),
                tuple("min", "invalid"),
                tuple("max", "out_of_range"),
                tuple("options", "not_allowed"));
    }

    @DbTest
    void aNumberFieldRefusesAMaxLengthAndAFractionalMinTogether(TestDb db) {
        ValidationException refused = refusal(db, () -> db.crm().fields().define(
                FieldDraft.builder("points", FieldType.NUMBER).maxLength(10).min(new BigDecimal("0.5")).build()));

        assertThat(refused.errors()).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                tuple("maxLength", "not_allowed"),
                tuple("min", "invalid"));
        assertThat(refused.errors()).filteredOn(error -> error.field().equals("min"))
                .extracting(FieldError::message).singleElement().asString().contains("0.5");
    }

    @DbTest
    void aNumberFieldAcceptsAFractionalLookingLimitThatIsWhole(TestDb db) {
        FieldDefinition defined = db.crm().fields().define(FieldDraft.builder("points", FieldType.NUMBER)
                .min(new BigDecimal("1.000")).build());

        assertThat(defined.min()).hasValueSatisfying(min -> assertThat(min).isEqualByComparingTo("1"));
    }

    @DbTest
    void aTextFieldRefusesAMinAMaxAndOptionsTogether(TestDb db) {
        ValidationException refused = refusal(db, () -> db.crm().fields().define(
                FieldDraft.builder("motto", FieldType.TEXT).min(1).max(5).options("a", "b").build()));

        assertThat(refused.errors()).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                tuple("min", "not_allowed"),
                tuple("max", "not_allowed"),
                tuple("options", "not_allowed"));
        assertThat(refused.errors()).extracting(FieldError::message).allSatisfy(message ->
                assertThat(message).contains("TEXT"));
    }

    @DbTest
    void aChoiceFieldWithoutOptionsIsRefused(TestDb db) {
        for (FieldType type : List.of(FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE)) {
            FieldError error = onlyError(db, () -> db.crm().fields().define(FieldDraft.builder("tier", type).build()));

            assertThat(error).as("%s", type).extracting(FieldError::field, FieldError::code)
                    .containsExactly("options", "required");
        }
    }

    @DbTest
    void aChoiceFieldAcceptsExactly100OptionsOf80Characters(TestDb db) {
        List<String> options = options(100).stream().map(option -> option + "x".repeat(80 - option.length()))
                .toList();

        FieldDefinition defined = db.crm().fields().define(FieldDraft.builder("tier", FieldType.MULTIPLE_CHOICE)
                .options(options).build());

        assertThat(defined.options()).containsExactlyElementsOf(options);
        assertThat(db.crm().fields().find("tier").orElseThrow().options()).containsExactlyElementsOf(options);
    }

    @DbTest
    void aChoiceFieldRefuses101Options(TestDb db) {
        FieldError error = onlyError(db, () -> db.crm().fields().define(FieldDraft.builder("tier",
                FieldType.SINGLE_CHOICE).options(options(101)).build()));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("options", "too_many");
        assertThat(error.limit()).contains("100");
    }

    @DbTest
    void aChoiceFieldRefusesAnOptionOf81Characters(TestDb db) {
        FieldError error = onlyError(db, () -> db.crm().fields().define(FieldDraft.builder("tier",
                FieldType.SINGLE_CHOICE).options("gold", "x".repeat(81)).build()));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("options[1]", "too_long");
    }

    @DbTest
    void aChoiceFieldReportsTooManyDuplicateAndBlankOptionsAtOnce(TestDb db) {
        List<String> options = new ArrayList<>(options(100));
        options.add("o7");
        options.add("  ");

        ValidationException refused = refusal(db, () -> db.crm().fields().define(FieldDraft.builder("tier",
                FieldType.MULTIPLE_CHOICE).options(options).build()));

        assertThat(refused.errors()).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                tuple("options", "too_many"),
                tuple("options[100]", "duplicate"),
                tuple("options[101]", "required"));
    }

    @DbTest
    void aChoiceFieldRefusesAnOptionThatIsADuplicateOnceTrimmed(TestDb db) {
        FieldError error = onlyError(db, () -> db.crm().fields().define(FieldDraft.builder("tier",
                FieldType.SINGLE_CHOICE).options("gold", " gold ").build()));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("options[1]", "duplicate");
    }

    @DbTest
    void aMinimumAboveTheMaximumIsRefused(TestDb db) {
        FieldError error = onlyError(db, () -> db.crm().fields().define(FieldDraft.builder("points", FieldType.NUMBER)
                .min(10).max(9).build()));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("max", "out_of_range");
        assertThat(error.message()).contains("10").contains("9");
    }

    @DbTest
    void aMinimumEqualToTheMaximumIsAccepted(TestDb db) {
        FieldDefinition defined = db.crm().fields().define(FieldDraft.builder("points", FieldType.NUMBER)
                .min(7).max(7).build());

        assertThat(defined.min()).hasValueSatisfying(min -> assertThat(min).isEqualByComparingTo("7"));
        assertThat(defined.max()).hasValueSatisfying(max -> assertThat(max).isEqualByComparingTo("7"));
    }

    @DbTest
    void aDecimalLimitWithMoreThan10DigitsAfterThePointIsRefused(TestDb db) {
        FieldError error = onlyError(db, () -> db.crm().fields().define(FieldDraft.builder("rate", FieldType.DECIMAL)
                .min(new BigDecimal("0.00000000001")).build()));

        assertThat(error).extracting(FieldError::field, FieldError::code).containsExactly("min", "out_of_range");
    }

    @DbTest
    void aMaxLengthBetween1And500IsAccepted(TestDb db) {
        db.crm().fields().define(FieldDraft.builder("short_text", FieldType.TEXT).maxLength(1).build());
        db.crm().fields().define(FieldDraft.builder("long_text", FieldType.TEXT).maxLength(500).build());

        assertThat(db.crm().fields().list()).extracting(FieldDefinition::maxLength)
                .containsExactly(OptionalInt.of(1), OptionalInt.of(500));
    }

    @DbTest
    void aMaxLengthOf0Or501IsRefused(TestDb db) {
        for (int maxLength : new int[] {0, 501, -1}) {
            FieldError error = onlyError(db, () -> db.crm().fields().define(FieldDraft.builder("motto", FieldType.TEXT)
                    .maxLength(maxLength).build()));

            assertThat(error).as("maxLength %d", maxLength).extracting(FieldError::field, FieldError::code)
                    .containsExactly("maxLength", "out_of_range");
            assertThat(error.limit()).contains("500");
        }
    }
}
