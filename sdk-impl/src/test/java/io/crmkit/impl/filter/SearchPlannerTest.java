package io.crmkit.impl.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.impl.identity.PhoneNormalizer;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchPlannerTest {

    private final SearchPlanner planner = new SearchPlanner(new PhoneNormalizer("VN"));

    @ParameterizedTest
    @CsvSource({
            "'0912 345 678', +84912345678",
            "'+84 912 345 678', +84912345678",
            "'(091) 234-5678', +84912345678",
            "' 0912.345.678 ', +84912345678",
            "'+1 (650) 253-0000', +16502530000"})
    void looksUpAPhoneNumberInAnyNotationByItsKey(String keyword, String e164) {
        assertThat(planner.plan(keyword)).isEqualTo(new SearchPlanner.KeywordPlan(SearchPlanner.Shape.PHONE_NUMBER,
                e164, Optional.empty()));
    }

    @ParameterizedTest
    @CsvSource({
            "'1234567', 1234567",
            "'+999 1234567', 9991234567",
            "'0000 000 000', 0000000000"})
    void searchesDigitsThatAreNoValidNumberInPhonesAsText(String keyword, String digits) {
        SearchPlanner.KeywordPlan plan = planner.plan(keyword);
        assertThat(plan.shape()).isEqualTo(SearchPlanner.Shape.TEXT);
        assertThat(plan.digits()).contains(digits);
    }

    @ParameterizedTest
    @CsvSource({
            "'Lan@Example.VN', lan@example.vn",
            "'  Nguyễn Văn A ', nguyễn văn a",
            "'ACME Corp', acme corp",
            "'50%_off!', 50%_off!",
            "'%', %",
            "'_a', _a",
            "'明', 明",
            "'小明', 小明",
            "'สม', สม",
            "'カ', カ",
            "'abc', abc",
            "'12a34', 12a34"})
    void searchesWordsInNamesAndIdentitiesIgnoringCase(String keyword, String text) {
        assertThat(planner.plan(keyword)).isEqualTo(new SearchPlanner.KeywordPlan(SearchPlanner.Shape.TEXT, text,
                Optional.empty()));
    }

    @ParameterizedTest
    @CsvSource({"'123', 123", "'(12) 3', 123", "'345-678', 345678", "'+84 9', 849"})
    void searchesThreeOrMoreDigitsInPhonesToo(String keyword, String digits) {
        SearchPlanner.KeywordPlan plan = planner.plan(keyword);
        assertThat(plan.shape()).isEqualTo(SearchPlanner.Shape.TEXT);
        assertThat(plan.value()).isEqualTo(keyword.strip().toLowerCase());
        assertThat(plan.digits()).contains(digits);
    }

    @ParameterizedTest
    @CsvSource({"'0912345678', +84912345678, TEXT", "'+84912345678', +84912345678, PHONE_NUMBER"})
    void withoutADefaultRegionOnlyAnInternationalNumberIsAPhone(String keyword, String e164, String shape) {
        SearchPlanner.KeywordPlan plan = new SearchPlanner(new PhoneNormalizer(null)).plan(keyword);
        assertThat(plan.shape()).isEqualTo(SearchPlanner.Shape.valueOf(shape));
        if (plan.shape() == SearchPlanner.Shape.PHONE_NUMBER) {
            assertThat(plan.value()).isEqualTo(e164);
        } else {
            assertThat(plan.digits()).contains("0912345678");
        }
    }

    @ParameterizedTest
    @CsvSource({"'a', a", "' K ', k", "'12', 12", "'Đỗ', đỗ", "'o''', 'o'''", "'x.', x."})
    void looksForAKeywordOfOneOrTwoCharactersAtTheStartOfAWord(String keyword, String value) {
        assertThat(planner.plan(keyword)).isEqualTo(new SearchPlanner.KeywordPlan(SearchPlanner.Shape.WORD_START,
                value, Optional.empty()));
    }

    @ParameterizedTest
    @CsvSource({
            "ki, 'kim', true",
            "ki, 'ada kim', true",
            "ki, 'ada.kim@example.com', true",
            "ki, 'erp-kim', true",
            "ki, 'a_kim', true",
            "ki, '(kim)', true",
            "ki, 'ada\u001Fkim', true",
            "ki, 'niki', false",
            "ki, 'k i', false",
            "ki, 'ākim', false",
            "ki, '9kim', false",
            "'o''', 'o''neil', true",
            "'o''', 'oneil', false",
            "x., 'max.x.y', true",
            "x., 'maxx.', false",
            "7, 'erp-77', true",
            "7, 'erp77', false",
            "đỗ, 'lan đỗ', true"})
    void theWordStartPatternMatchesAfterTheStartOrAnAsciiCharacterThatIsNoLetterOrDigit(String value, String text,
                                                                                      boolean matches) {
        assertThat(java.util.regex.Pattern.compile(SearchPlanner.wordStartPattern(value)).matcher(text).find())
                .as(value + " in " + text).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource({"name", "nickname", "company", "country", "province", "city", "area", "address_detail"})
    void looksForTextInTheNameCompanyAndAddressColumns(String column) {
        assertThat(SearchPlanner.TEXT_COLUMNS).contains(column);
        assertThat(SearchPlanner.TEXT_IDENTITIES).containsExactly("email", "external_id");
    }
}
