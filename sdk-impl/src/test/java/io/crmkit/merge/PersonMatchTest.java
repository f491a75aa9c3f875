package io.crmkit.merge;

import static io.crmkit.merge.Candidates.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.merge.DuplicateCandidate;
import io.crmkit.api.merge.MatchRule;
import io.crmkit.api.merge.MatchRules;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

class PersonMatchTest {

    private static final LocalDate BIRTHDAY = LocalDate.of(1985, 3, 12);

    private static Customer person(Crm crm, String name, LocalDate birthday, String company, Address address) {
        return crm.customers().create(CustomerDraft.builder().name(name).birthday(birthday).company(company)
                .address(address).build());
    }

    private static Address street(String detail, String city) {
        return Address.of("", "", city, "", detail);
    }

    private static DuplicateCandidate onlyPair(Crm crm) {
        return Candidates.onlyPair(crm, MatchRules.all());
    }

    @DbTest
    void aSimilarNameWithTheSameBirthdayIsADuplicateWithScore80(TestDb db) {
        Crm crm = db.crm();
        Customer jon = person(crm, "Jon Smith", BIRTHDAY, "", Address.EMPTY);
        Customer john = person(crm, "Smith, John", BIRTHDAY, "", Address.EMPTY);
        person(crm, "Mary Smith", BIRTHDAY, "", Address.EMPTY);
        person(crm, "John Smith", LocalDate.of(1990, 7, 1), "", Address.EMPTY);

        DuplicateCandidate pair = onlyPair(crm);

        assertThat(List.of(pair.customerId(), pair.otherId())).containsExactly(jon.id(), john.id());
        assertThat(pair.score()).isEqualTo(80);
        assertThat(rules(pair)).containsExactly(MatchRule.SIMILAR_NAME, MatchRule.SAME_BIRTHDAY);
        assertThat(pair.reasons().get(0).detail()).isEqualTo("names 'jon smith' and 'smith john' (0.97)");
        assertThat(pair.reasons().get(1).detail()).isEqualTo("birthday 1985-03-12");
    }

    @DbTest
    void aSimilarNameAtASimilarAddressIsADuplicateButItsHouseholdIsNot(TestDb db) {
        Crm crm = db.crm();
        person(crm, "Nguyễn Thị Lan", null, "", street("45 Đường Lý Thường Kiệt", "Hà Nội"));
        person(crm, "LAN NGUYEN THI", null, "", street("45 Ly Thuong Kiet", "Ha Noi"));
        person(crm, "Nguyễn Văn An", null, "", street("45 Đường Lý Thường Kiệt", "Hà Nội"));
        person(crm, "Nguyễn Thị Lan", null, "", street("47 Đường Lý Thường Kiệt", "Hà Nội"));

        DuplicateCandidate pair = onlyPair(crm);

        assertThat(pair.score()).isEqualTo(80);
        assertThat(rules(pair)).containsExactly(MatchRule.SIMILAR_NAME, MatchRule.SIMILAR_ADDRESS);
        assertThat(pair.reasons().get(1).detail()).contains("45 ly thuong kiet ha noi");
    }

    @DbTest
    void aTypoInTheBirthdayNeedsMoreThanTheNameToReachTheThreshold(TestDb db) {
        Crm crm = db.crm();
        person(crm, "J. Smith", LocalDate.of(1985, 12, 3), "", Address.EMPTY);
        person(crm, "John Smith", BIRTHDAY, "", Address.EMPTY);
        person(crm, "Mary Jones", LocalDate.of(1970, 1, 5), "Acme Ltd", Address.EMPTY);
        person(crm, "Mary Jnoes", LocalDate.of(1970, 5, 1), "ACME Limited", Address.EMPTY);

        DuplicateCandidate pair = onlyPair(crm);

        assertThat(pair.score()).isEqualTo(85);
        assertThat(rules(pair)).containsExactly(MatchRule.SIMILAR_NAME, MatchRule.SIMILAR_COMPANY,
                MatchRule.SIMILAR_BIRTHDAY);
        assertThat(pair.reasons().get(2).detail()).isEqualTo("birthdays 1970-01-05 and 1970-05-01");
        assertThat(crm.merges().findDuplicates(MatchRules.all().withThreshold(65), 10)).hasSize(2);
    }

    @DbTest
    void theDefaultRulesStayTheIdentityRulesAndIgnoreThePersonRules(TestDb db) {
        Crm crm = db.crm();
        person(crm, "Jon Smith", BIRTHDAY, "", Address.EMPTY);
        person(crm, "John Smith", BIRTHDAY, "", Address.EMPTY);

        assertThat(MatchRules.defaults().rules()).containsExactlyInAnyOrder(MatchRule.SAME_EMAIL,
                MatchRule.SAME_EXTERNAL_ID, MatchRule.SIMILAR_EMAIL, MatchRule.SIMILAR_PHONE);
        assertThat(MatchRules.all().rules()).containsExactlyInAnyOrder(MatchRule.values());
        assertThat(crm.merges().findDuplicates(MatchRules.defaults(), 10)).isEmpty();
        assertThat(crm.merges().findDuplicates(MatchRules.of(MatchRule.SIMILAR_NAME), 10)).isEmpty();
        assertThat(crm.merges().findDuplicates(MatchRules.of(MatchRule.SIMILAR_NAME, MatchRule.SAME_BIRTHDAY), 10))
                .hasSize(1);
    }

    @DbTest
    void personReasonsAddFiveToAnIdentityMatch(TestDb db) {
        Crm crm = db.crm();
        crm.customers().create(CustomerDraft.builder().name("Jon Smith").birthday(BIRTHDAY)
                .email("j.smith@gmail.com").build());
        crm.customers().create(CustomerDraft.builder().name("John Smith").birthday(BIRTHDAY)
                .email("jsmith@gmail.com").build());

        DuplicateCandidate pair = onlyPair(crm);

        assertThat(pair.score()).isEqualTo(100);
        assertThat(rules(pair)).containsExactly(MatchRule.SAME_EMAIL, MatchRule.SIMILAR_NAME, MatchRule.SAME_BIRTHDAY);
    }

    @DbTest
    void duplicatesOfOneCustomerApplyThePersonRules(TestDb db) {
        Crm crm = db.crm();
        Customer lan = person(crm, "Nguyễn Thị Lan", BIRTHDAY, "", Address.EMPTY);
        Customer typo = person(crm, "Ngyuen Thi Lan", BIRTHDAY, "", Address.EMPTY);
        person(crm, "Nguyễn Thị Hoa", BIRTHDAY, "", Address.EMPTY);

        List<DuplicateCandidate> mine = crm.merges().duplicatesOf(lan.id(), MatchRules.all());

        assertThat(mine).singleElement().satisfies(pair -> {
            assertThat(pair.otherId()).isEqualTo(typo.id());
            assertThat(pair.score()).isEqualTo(80);
        });
        assertThat(crm.merges().duplicatesOf(lan.id(), MatchRules.defaults())).isEmpty();
    }

    @DbTest
    void aBlockLargerThanItsLimitStillPairsNeighboursInNameOrder(TestDb db) {
        Crm crm = db.crm();
        Customer lan = person(crm, "Nguyễn Thị Lan", BIRTHDAY, "", Address.EMPTY);
        Customer typo = person(crm, "Nguyen Thi Lqn", BIRTHDAY, "", Address.EMPTY);
        for (int i = 0; i < 110; i++) {
            String given = "" + (char) ('b' + i % 20) + "x" + (char) ('b' + i / 20) + "yw";
            person(crm, "Nguyễn Thị " + given, BIRTHDAY, "", Address.EMPTY);
        }

        List<DuplicateCandidate> pairs = crm.merges().findDuplicates(MatchRules.all(), 1000).stream()
                .flatMap(cluster -> cluster.pairs().stream()).toList();

        assertThat(pairs).anySatisfy(pair -> assertThat(List.of(pair.customerId(), pair.otherId()))
                .containsExactly(lan.id(), typo.id()));
    }

    @DbTest
    void namesWithoutLettersOrHostileTextMatchNothing(TestDb db) {
        Crm crm = db.crm();
        String emoji = "\uD83D\uDE00".repeat(40);
        person(crm, emoji, BIRTHDAY, emoji, street(emoji, emoji));
        person(crm, emoji, BIRTHDAY, emoji, street(emoji, emoji));
        person(crm, "...", BIRTHDAY, "", Address.EMPTY);
        person(crm, "'; DROP TABLE customer; --", BIRTHDAY, "", Address.EMPTY);
        Customer nameless = crm.customers().create(CustomerDraft.builder().email("a@example.com").birthday(BIRTHDAY)
                .build());
        crm.customers().create(CustomerDraft.builder().email("b@example.com").birthday(BIRTHDAY).build());

        assertThat(crm.merges().findDuplicates(MatchRules.all(), 10)).isEmpty();
        assertThat(crm.merges().duplicatesOf(nameless.id(), MatchRules.all())).isEmpty();
    }

    @DbTest
    void badRulesAndUnknownCustomersAreRefused(TestDb db) {
        Crm crm = db.crm();
        assertThatThrownBy(() -> MatchRules.all().withThreshold(0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("threshold");
        assertThatThrownBy(() -> new MatchRules(EnumSet.noneOf(MatchRule.class), 80))
                .isInstanceOf(ValidationException.class).hasMessageContaining("rules");
        assertThatThrownBy(() -> crm.merges().findDuplicates(MatchRules.all(), 0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> crm.merges().duplicatesOf(42L, MatchRules.all()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("42");
    }
}
