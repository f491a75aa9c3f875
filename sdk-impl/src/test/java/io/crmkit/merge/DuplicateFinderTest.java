package io.crmkit.merge;

import static io.crmkit.merge.Candidates.onlyPair;
import static io.crmkit.merge.Candidates.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.merge.DuplicateCandidate;
import io.crmkit.api.merge.DuplicateCluster;
import io.crmkit.api.merge.MatchRule;
import io.crmkit.api.merge.MatchRules;
import io.crmkit.api.merge.MergeService;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.util.List;

@ShardedToo
class DuplicateFinderTest {

    private static Customer customer(Crm crm, String name, String... emails) {
        return crm.customers().create(CustomerDraft.builder().name(name).emails(List.of(emails)).build());
    }

    private static Customer withPhone(Crm crm, String name, String phone) {
        return crm.customers().create(CustomerDraft.builder().name(name).phone(phone).build());
    }

    private static Customer withExternalId(Crm crm, String name, String externalId) {
        return crm.customers().create(CustomerDraft.builder().name(name).externalId(externalId).build());
    }

    private static List<DuplicateCluster> all(Crm crm) {
        return crm.merges().findDuplicates(MatchRules.defaults(), 100);
    }

    /** @return the single pair found in the tenant */

    @DbTest
    void emailsThatTheProviderDeliversToOneMailboxAreTheSameEmail(TestDb db) {
        Crm crm = db.crm();
        Customer a = customer(crm, "Jane Doe", "J.Doe+shop@gmail.com");
        Customer b = customer(crm, "J. Doe (work)", "jdoe@googlemail.com");
        customer(crm, "Jane Doe", "j.doe+shop@example.com");

        DuplicateCandidate pair = onlyPair(crm, MatchRules.defaults());

        assertThat(pair.customerId()).isEqualTo(Math.min(a.id(), b.id()));
        assertThat(pair.otherId()).isEqualTo(Math.max(a.id(), b.id()));
        assertThat(pair.score()).isEqualTo(95);
        assertThat(pair.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.rule()).isEqualTo(MatchRule.SAME_EMAIL);
            assertThat(reason.detail()).contains("j.doe+shop@gmail.com").contains("jdoe@googlemail.com");
        });
    }

    @DbTest
    void externalIdsDifferingInCaseAreTheSameWithScore100(TestDb db) {
        Crm crm = db.crm();
        withExternalId(crm, "Lan", "ERP-0042");
        withExternalId(crm, "Minh", "erp-0042");
        withExternalId(crm, "Hoa", "erp-0043");

        DuplicateCandidate pair = onlyPair(crm, MatchRules.defaults());

        assertThat(pair.score()).isEqualTo(100);
        assertThat(rules(pair)).containsExactly(MatchRule.SAME_EXTERNAL_ID);
    }

    @DbTest
    void theSameNationalNumberInAnotherCountryIsSimilarOnlyWithTheSameName(TestDb db) {
        Crm crm = db.crm();
        withPhone(crm, "Nguyễn Thị Lan", "+84 912 345 678");
        withPhone(crm, "nguyen  thi LAN", "+34 912 345 678");
        withPhone(crm, "Trần Minh", "+84 912 000 111");
        withPhone(crm, "Someone Else", "+34 912 000 111");

        DuplicateCandidate pair = onlyPair(crm, MatchRules.defaults());

        assertThat(pair.score()).isEqualTo(85);
        assertThat(pair.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.rule()).isEqualTo(MatchRule.SIMILAR_PHONE);
            assertThat(reason.detail()).contains("+84912345678").contains("+34912345678");
        });
    }

    @DbTest
    void emailsOneTypingMistakeApartAreSimilarWithTheSameName(TestDb db) {
        Crm crm = db.crm();
        Customer swapped = customer(crm, "Tran Lan", "lan.tarn@example.com");
        Customer original = customer(crm, "Trần Lan", "lan.tran@example.com");
        Customer dropped = customer(crm, "TRAN LAN", "lan.tra@example.com");
        customer(crm, "Tran Lan", "lan.t@example.com");
        customer(crm, "Tran Lan", "lan.tran@example.org");
        customer(crm, "Tran Hoa", "lan.trab@example.com");

        List<DuplicateCluster> clusters = crm.merges().findDuplicates(MatchRules.of(MatchRule.SIMILAR_EMAIL), 10);

        assertThat(clusters).singleElement().satisfies(cluster -> {
            assertThat(cluster.customerIds()).containsExactlyInAnyOrder(swapped.id(), original.id(), dropped.id());
            assertThat(cluster.pairs()).hasSize(2).allSatisfy(pair -> {
                assertThat(pair.score()).isEqualTo(85);
                assertThat(rules(pair)).containsExactly(MatchRule.SIMILAR_EMAIL);
            });
        });
    }

    @DbTest
    void emailsTwoMistakesApartOrWithDifferentNamesAreNotSimilar(TestDb db) {
        Crm crm = db.crm();
        customer(crm, "Tran Lan", "lan.tran@example.com");
        customer(crm, "Tran Lan", "lan.tr@example.com");
        customer(crm, "Tran Lan", "nal.tran@example.com");
        customer(crm, "Tran Hoa", "lan.tram@example.com");
        customer(crm, "", "lan.tram@example.com".replace("m@", "x@"));

        assertThat(all(crm)).isEmpty();
    }

    @DbTest
    void aCustomersOwnIdentitiesNeverMakeItADuplicateOfItself(TestDb db) {
        Crm crm = db.crm();
        Customer self = crm.customers().create(CustomerDraft.builder().name("Jane Doe")
                .emails(List.of("j.doe@gmail.com", "jdoe@gmail.com")).phones(List.of("+84912345678", "+34912345678"))
                .build());
        Customer typos = customer(crm, "Jane Doe", "jane.doe@example.com", "jane.do@example.com");

        assertThat(all(crm)).isEmpty();
        assertThat(crm.merges().duplicatesOf(self.id(), MatchRules.defaults())).isEmpty();
        assertThat(crm.merges().duplicatesOf(typos.id(), MatchRules.defaults())).isEmpty();
    }

    @DbTest
    void eachFurtherReasonAddsFiveUpTo100(TestDb db) {
        Crm crm = db.crm();
        crm.customers().create(CustomerDraft.builder().name("Lan").phone("+84912345678").email("lan.tran@example.com")
                .build());
        crm.customers().create(CustomerDraft.builder().name("Lan").phone("+34912345678").email("lan.tarn@example.com")
                .build());
        crm.customers().create(CustomerDraft.builder().name("Minh").phone("+84987654321").email("minh@gmail.com")
                .externalId("X-1").build());
        crm.customers().create(CustomerDraft.builder().name("Minh").phone("+34987654321").email("m.i.n.h@gmail.com")
                .externalId("x-1").build());
        crm.customers().create(CustomerDraft.builder().name("Hoa").phone("+84912000111").email("hoa@gmail.com")
                .build());
        crm.customers().create(CustomerDraft.builder().name("Hoa").phone("+34912000111").email("h.oa@gmail.com")
                .build());

        List<DuplicateCluster> clusters = all(crm);

        assertThat(clusters).extracting(DuplicateCluster::score).containsExactly(100, 100, 90);
        assertThat(rules(clusters.get(0).pairs().get(0))).containsExactly(MatchRule.SAME_EXTERNAL_ID,
                MatchRule.SAME_EMAIL, MatchRule.SIMILAR_PHONE);
        assertThat(rules(clusters.get(1).pairs().get(0))).containsExactly(MatchRule.SAME_EMAIL,
                MatchRule.SIMILAR_PHONE);
        assertThat(rules(clusters.get(2).pairs().get(0))).containsExactly(MatchRule.SIMILAR_EMAIL,
                MatchRule.SIMILAR_PHONE);
    }

    @DbTest
    void theThresholdAndTheChosenRulesFilterTheCandidates(TestDb db) {
        Crm crm = db.crm();
        withPhone(crm, "Lan", "+84912345678");
        withPhone(crm, "Lan", "+34912345678");
        customer(crm, "Hoa", "hoa@gmail.com");
        customer(crm, "Other", "h.o.a@gmail.com");
        withExternalId(crm, "Minh", "A1");
        withExternalId(crm, "Khoa", "a1");

        assertThat(all(crm)).hasSize(3);
        assertThat(crm.merges().findDuplicates(MatchRules.defaults().withThreshold(86), 10))
                .extracting(DuplicateCluster::score).containsExactly(100, 95);
        assertThat(crm.merges().findDuplicates(MatchRules.defaults().withThreshold(96), 10))
                .extracting(DuplicateCluster::score).containsExactly(100);
        assertThat(crm.merges().findDuplicates(MatchRules.of(MatchRule.SIMILAR_PHONE, MatchRule.SAME_EMAIL), 10))
                .extracting(DuplicateCluster::score).containsExactly(95, 85);
    }

    @DbTest
    void pairsSharingACustomerFormOneClusterAndTheLimitKeepsTheBest(TestDb db) {
        Crm crm = db.crm();
        Customer a = crm.customers().create(CustomerDraft.builder().name("A").email("ann@gmail.com").build());
        Customer b = crm.customers().create(CustomerDraft.builder().name("B").email("a.n.n@gmail.com")
                .externalId("K-9").build());
        Customer c = withExternalId(crm, "C", "k-9");
        Customer d = withPhone(crm, "Dung", "+84912345678");
        Customer e = withPhone(crm, "Dũng", "+34912345678");

        List<DuplicateCluster> clusters = all(crm);

        assertThat(clusters).hasSize(2);
        assertThat(clusters.get(0).customerIds()).containsExactly(a.id(), b.id(), c.id());
        assertThat(clusters.get(0).score()).isEqualTo(100);
        assertThat(clusters.get(0).pairs()).extracting(DuplicateCandidate::score).containsExactly(100, 95);
        assertThat(clusters.get(1).customerIds()).containsExactly(d.id(), e.id());
        assertThat(crm.merges().findDuplicates(MatchRules.defaults(), 1)).extracting(DuplicateCluster::customerIds)
                .containsExactly(List.of(a.id(), b.id(), c.id()));
    }

    @DbTest
    void aKeyHeldByMoreThan50CustomersLinksEachToTheFirstInsteadOfEveryPair(TestDb db) {
        Crm crm = db.crm();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 52; i++) {
            ids.add(customer(crm, "Front desk " + i, "desk+" + i + "@gmail.com").id());
        }

        List<DuplicateCluster> clusters = all(crm);

        assertThat(clusters).singleElement().satisfies(cluster -> {
            assertThat(cluster.customerIds()).isEqualTo(ids);
            assertThat(cluster.pairs()).hasSize(51).allSatisfy(pair -> assertThat(pair.customerId())
                    .isEqualTo(ids.get(0)));
        });
        assertThat(crm.merges().duplicatesOf(ids.get(51), MatchRules.defaults())).hasSize(51);
    }

    @DbTest
    void aLimitOutOfRangeIsRefused(TestDb db) {
        MergeService merges = db.crm().merges();
        assertThatThrownBy(() -> merges.findDuplicates(MatchRules.defaults(), 0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("limit").hasMessageContaining("0");
        assertThatThrownBy(() -> merges.findDuplicates(MatchRules.defaults(), MergeService.MAX_CLUSTERS + 1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("100001");
        assertThat(merges.findDuplicates(MatchRules.defaults(), MergeService.MAX_CLUSTERS)).isEmpty();
    }

    @DbTest
    void anotherTenantsCustomersAreNeverCandidates(TestDb db) {
        Crm crm = db.crm();
        Customer mine = customer(crm, "Jane", "jdoe@gmail.com");
        Customer theirs = customer(db.otherTenant(), "Jane", "j.doe@gmail.com");
        customer(db.otherTenant(), "Jane", "jdoe+1@gmail.com");

        assertThat(all(crm)).isEmpty();
        assertThat(crm.merges().duplicatesOf(mine.id(), MatchRules.defaults())).isEmpty();
        assertThat(all(db.otherTenant())).hasSize(1);
        assertThatThrownBy(() -> crm.merges().duplicatesOf(theirs.id(), MatchRules.defaults()))
                .isInstanceOf(NotFoundException.class);
    }

    @DbTest
    void findingDuplicatesNeedsRead(TestDb db) {
        Customer lan = customer(db.crm(), "Lan", "lan@gmail.com");
        Crm writer = db.crm(Permission.WRITE);

        assertThatThrownBy(() -> writer.merges().findDuplicates(MatchRules.defaults(), 10))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("READ");
        assertThatThrownBy(() -> writer.merges().duplicatesOf(lan.id(), MatchRules.defaults()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("READ");
        assertThat(db.crm(Permission.READ).merges().duplicatesOf(lan.id(), MatchRules.defaults())).isEmpty();
    }

    @DbTest
    void duplicatesOfAMissingCustomerIsNotFound(TestDb db) {
        assertThatThrownBy(() -> db.crm().merges().duplicatesOf(424242L, MatchRules.defaults()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("424242");
    }

    @DbTest
    void duplicatesOfOneCustomerFindsEveryRuleBestFirst(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Nguyễn Lan").phone("+84912345678")
                .emails(List.of("lan.nguyen@example.com", "lan@gmail.com")).externalId("E-7").build());
        Customer phone = withPhone(crm, "nguyen lan", "+34912345678");
        Customer typo = customer(crm, "Nguyen Lan", "lan.ngyuen@example.com");
        Customer gmail = customer(crm, "Someone", "l.a.n+x@googlemail.com");
        Customer external = withExternalId(crm, "Other", " e-7");
        customer(crm, "Other Name", "lan.nguyem@example.com");
        customer(crm, "Nguyen Lan", "lan.nguyen@example.org");

        List<DuplicateCandidate> candidates = crm.merges().duplicatesOf(lan.id(), MatchRules.defaults());

        assertThat(candidates).extracting(candidate -> candidate.customerId() == lan.id() ? candidate.otherId()
                : candidate.customerId()).containsExactly(external.id(), gmail.id(), phone.id(), typo.id());
        assertThat(candidates).extracting(DuplicateCandidate::score).containsExactly(100, 95, 85, 85);
        assertThat(crm.merges().duplicatesOf(typo.id(), MatchRules.defaults())).singleElement()
                .satisfies(candidate -> assertThat(rules(candidate)).containsExactly(MatchRule.SIMILAR_EMAIL));
        assertThat(crm.merges().duplicatesOf(lan.id(), MatchRules.of(MatchRule.SIMILAR_PHONE))).hasSize(1);
    }

    @DbTest
    void oneCustomersCandidatesAreThoseOfTheTenantWideSearch(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").phone("+84912345678")
                .email("lan.tran@example.com").build());
        Customer other = crm.customers().create(CustomerDraft.builder().name("LAN").phone("+34912345678")
                .email("lan.tran1@example.com").build());

        List<DuplicateCandidate> one = crm.merges().duplicatesOf(lan.id(), MatchRules.defaults());

        assertThat(one).containsExactlyElementsOf(all(crm).get(0).pairs());
        assertThat(one.get(0).otherId()).isEqualTo(other.id());
        assertThat(one.get(0).score()).isEqualTo(90);
    }

    @DbTest
    void matchKeysAreWrittenOnUpdateAndSurviveTheTrash(TestDb db) {
        Crm crm = db.crm();
        Customer jane = customer(crm, "Jane", "jane@example.com");
        Customer other = customer(crm, "Jane Two", "j.a.n.e@gmail.com");
        jane = crm.customers().update(jane.id(), CustomerPatch.builder(jane.version())
                .emails(List.of("Jane+News@GoogleMail.com")).build());
        assertThat(all(crm)).hasSize(1);

        crm.customers().delete(jane.id());
        assertThat(db.column("SELECT match_key FROM crm_trash_identity WHERE tenant_id = ? AND customer_id = ?",
                db.tenant(), jane.id())).containsExactly("jane@gmail.com");
        assertThat(all(crm)).isEmpty();

        crm.trash().restore(List.of(jane.id()));
        assertThat(db.column("SELECT match_key FROM crm_identity WHERE tenant_id = ? AND customer_id = ?",
                db.tenant(), jane.id())).containsExactly("jane@gmail.com");
        assertThat(all(crm)).singleElement().extracting(DuplicateCluster::customerIds)
                .isEqualTo(List.of(jane.id(), other.id()));
    }
}
