package io.crmkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.Crm;
import io.crmkit.api.Page;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Operator;
import io.crmkit.api.filter.Query;
import io.crmkit.api.filter.Sort;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@ShardedToo
class FilterSearchTest {

    /** Five customers that every condition below tells apart. */
    private static final class People {
        final Customer lan;
        final Customer minh;
        final Customer hoa;
        final Customer an;
        final Customer odd;

        People(Crm crm) {
            crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
            crm.fields().define(FieldDraft.builder("colors", FieldType.MULTIPLE_CHOICE).options("red", "blue", "green")
                    .build());
            lan = crm.customers().create(CustomerDraft.builder().name("Nguyễn Thị Lan").gender(Gender.FEMALE)
                    .phone("+84912345678").email("lan@example.com").company("Lotus Trading")
                    .address(Address.of("Vietnam", "Ha Noi", "Hanoi", "", "")).tag("vip").tag("hanoi")
                    .custom("points", 120).custom("colors", List.of("red", "blue")).build());
            minh = crm.customers().create(CustomerDraft.builder().name("Trần Văn Minh").gender(Gender.MALE)
                    .phone("+84987654321").company("Minh Co").address(Address.of("Vietnam", "", "Da Nang", "", ""))
                    .tag("vip").custom("points", 40).custom("colors", List.of("green")).build());
            hoa = crm.customers().create(CustomerDraft.builder().name("Lê Hoa").email("hoa@example.org")
                    .address(Address.of("Vietnam", "Ha Noi", "Hanoi", "", "")).tag("new").build());
            an = crm.customers().create(CustomerDraft.builder().externalId("erp-77").custom("points", 500).build());
            odd = crm.customers().create(CustomerDraft.builder().name("100%_off! deals").remark("x").build());
        }
    }

    private static List<Long> ids(Crm crm, Filter filter) {
        return crm.filters().search(Query.where(filter).pageSize(100)).items().stream().map(Customer::id).toList();
    }

    private static List<Long> ids(Customer... customers) {
        return java.util.Arrays.stream(customers).map(Customer::id).toList();
    }

    private static List<Long> keyword(Crm crm, String keyword) {
        return crm.filters().search(Query.all().keyword(keyword)).items().stream().map(Customer::id).toList();
    }

    private static FieldError searchFails(Crm crm, Query query) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> crm.filters().search(query));
        assertThat(e).isNotNull();
        return e.errors().get(0);
    }

    @DbTest
    void findsTheCustomersOfTheDesignExample(TestDb db) {
        Crm crm = db.crm();
        People p = new People(crm);

        Filter filter = Filter.all(Filter.eq("city", "Hanoi"),
                Filter.any(Filter.hasTag("vip"), Filter.after("createdAt", p.hoa.createdAt().minusSeconds(1))));

        assertThat(ids(crm, filter)).containsExactlyInAnyOrderElementsOf(ids(p.lan, p.hoa));
    }

    @DbTest
    void comparesTextIgnoringCaseForPatternsAndExactlyForEquality(TestDb db) {
        Crm crm = db.crm();
        People p = new People(crm);

        assertThat(ids(crm, Filter.eq("company", "Lotus Trading"))).containsExactly(p.lan.id());
        assertThat(ids(crm, Filter.contains("company", "lotus"))).containsExactly(p.lan.id());
        assertThat(ids(crm, Filter.where("name", Operator.STARTS_WITH, "trần"))).containsExactly(p.minh.id());
        assertThat(ids(crm, Filter.where("name", Operator.ENDS_WITH, "HOA"))).containsExactly(p.hoa.id());
        assertThat(ids(crm, Filter.where("city", Operator.NOT_IN, "Hanoi", "Da Nang")))
                .containsExactlyInAnyOrderElementsOf(ids(p.an, p.odd));
        assertThat(ids(crm, Filter.ne("city", "Hanoi"))).containsExactlyInAnyOrderElementsOf(ids(p.minh, p.an, p.odd));
        assertThat(ids(crm, Filter.isEmpty("name"))).containsExactly(p.an.id());
        assertThat(ids(crm, Filter.where("company", Operator.NOT_CONTAINS, "CO")))
                .containsExactlyInAnyOrderElementsOf(ids(p.lan, p.hoa, p.an, p.odd));
    }

    @DbTest
    void treatsLikeWildcardsInUserTextLiterally(TestDb db) {
        Crm crm = db.crm();
        People p = new People(crm);

        assertThat(ids(crm, Filter.contains("name", "%_off!"))).containsExactly(p.odd.id());
        assertThat(ids(crm, Filter.contains("name", "%"))).containsExactly(p.odd.id());
        assertThat(ids(crm, Filter.contains("name", "_"))).containsExactly(p.odd.id());
        assertThat(keyword(crm, "%")).containsExactly(p.odd.id());
    }

    @DbTest
    void filtersOnIdentitiesTagsAndChoices(TestDb db) {
        Crm crm = db.crm();
        People p = new People(crm);

        assertThat(ids(crm, Filter.isEmpty("phones"))).containsExactlyInAnyOrderElementsOf(ids(p.hoa, p.an, p.odd));
        assertThat(ids(crm, Filter.isNotEmpty("emails"))).containsExactlyInAnyOrderElementsOf(ids(p.lan, p.hoa));
        assertThat(ids(crm, Filter.eq("phones", "0912 345 678"))).containsExactly(p.lan.id());
        assertThat(ids(crm, Filter.eq("emails", "LAN@example.com"))).containsExactly(p.lan.id());
        assertThat(ids(crm, Filter.hasTag("vip", "new"))).containsExactlyInAnyOrderElementsOf(ids(p.lan, p.minh, p.hoa));
        assertThat(ids(crm, Filter.hasAllTags("vip", "hanoi", "vip"))).containsExactly(p.lan.id());
        assertThat(ids(crm, Filter.hasNoTag("vip"))).containsExactlyInAnyOrderElementsOf(ids(p.hoa, p.an, p.odd));
        assertThat(ids(crm, Filter.isEmpty("tags"))).containsExactlyInAnyOrderElementsOf(ids(p.an, p.odd));
        assertThat(ids(crm, Filter.in("gender", List.of("FEMALE")))).containsExactly(p.lan.id());
        assertThat(ids(crm, Filter.eq("status", "NEW"))).hasSize(5);
        assertThat(ids(crm, Filter.eq("stage", "lead"))).hasSize(5);
    }

    @DbTest
    void filtersOnCustomFieldsByTheirType(TestDb db) {
        Crm crm = db.crm();
        People p = new People(crm);

        assertThat(ids(crm, Filter.between("points", 40, 120))).containsExactlyInAnyOrderElementsOf(ids(p.lan, p.minh));
        assertThat(ids(crm, Filter.where("custom.points", Operator.GT, new BigDecimal("120.5")))).containsExactly(p.an.id());
        assertThat(ids(crm, Filter.ne("points", 40))).containsExactlyInAnyOrderElementsOf(ids(p.lan, p.hoa, p.an, p.odd));
        assertThat(ids(crm, Filter.isEmpty("points"))).containsExactlyInAnyOrderElementsOf(ids(p.hoa, p.odd));
        assertThat(ids(crm, Filter.where("colors", Operator.HAS_ALL, "red", "blue"))).containsExactly(p.lan.id());
        assertThat(ids(crm, Filter.where("colors", Operator.HAS_ANY, "green", "blue")))
                .containsExactlyInAnyOrderElementsOf(ids(p.lan, p.minh));
        assertThat(ids(crm, Filter.where("colors", Operator.HAS_NONE, "red"))).hasSize(4);
    }

    @DbTest
    void theKeywordFindsNamesCompaniesEmailsExternalIdsAndPhonesInAnyNotation(TestDb db) {
        Crm crm = db.crm();
        People p = new People(crm);

        assertThat(keyword(crm, "0912 345 678")).containsExactly(p.lan.id());
        assertThat(keyword(crm, "345678")).containsExactly(p.lan.id());
        assertThat(keyword(crm, "LOTUS")).containsExactly(p.lan.id());
        assertThat(keyword(crm, "example.org")).containsExactly(p.hoa.id());
        assertThat(keyword(crm, "erp-7")).containsExactly(p.an.id());
        assertThat(keyword(crm, "văn")).containsExactly(p.minh.id());
        assertThat(keyword(crm, "   ")).hasSize(5);
    }

    @DbTest
    void aKeywordOfOneOrTwoCharactersFindsTheStartsOfWords(TestDb db) {
        Crm crm = db.crm();
        People p = new People(crm);

        assertThat(keyword(crm, "Mi")).containsExactly(p.minh.id());
        assertThat(keyword(crm, "an")).isEmpty();
        assertThat(keyword(crm, "h")).containsExactlyInAnyOrderElementsOf(ids(p.lan, p.hoa));
        assertThat(keyword(crm, "co")).containsExactlyInAnyOrderElementsOf(ids(p.lan, p.minh));
        assertThat(keyword(crm, "EX")).containsExactlyInAnyOrderElementsOf(ids(p.lan, p.hoa));
        assertThat(keyword(crm, "77")).containsExactly(p.an.id());
        assertThat(keyword(crm, "o")).containsExactlyInAnyOrderElementsOf(ids(p.hoa, p.odd));
        assertThat(keyword(crm, "th")).containsExactly(p.lan.id());
        assertThat(keyword(crm, "qz")).isEmpty();
        assertThat(crm.filters().search(Query.all().keyword("h").includeTotal()).total()).hasValue(2);
    }

    @DbTest
    void pagesByCursorThroughEveryCustomerOnceInOrder(TestDb db) {
        Crm crm = db.crm();
        for (int i = 0; i < 23; i++) {
            crm.customers().create(CustomerDraft.builder().name("P" + (char) ('a' + (i * 7) % 23)).build());
        }
        for (Sort sort : List.of(Sort.NEWEST_FIRST, Sort.asc("name"), Sort.desc("name"), Sort.asc("id"))) {
            List<Customer> seen = new ArrayList<>();
            Query query = Query.all().sortedBy(sort).pageSize(10).includeTotal();
            Page<Customer> page = crm.filters().search(query);
            assertThat(page.total()).hasValue(23);
            seen.addAll(page.items());
            while (page.nextCursor().isPresent()) {
                page = crm.filters().search(query.after(page.nextCursor().get()));
                seen.addAll(page.items());
            }
            assertThat(seen).as(sort.toString()).hasSize(23);
            assertThat(new HashSet<>(seen)).hasSize(23);
            List<Customer> expected = crm.filters().search(Query.all().sortedBy(sort).pageSize(100)).items();
            assertThat(seen).as(sort.toString()).containsExactlyElementsOf(expected);
        }
        List<String> names = crm.filters().search(Query.all().sortedBy(Sort.asc("name")).pageSize(100)).items()
                .stream().map(Customer::name).toList();
        assertThat(names).isSorted();
    }

    @DbTest
    void countsWhatASearchWouldFind(TestDb db) {
        Crm crm = db.crm();
        new People(crm);

        assertThat(crm.filters().count(Filter.hasTag("vip"))).isEqualTo(2);
        assertThat(crm.filters().count(Filter.isNotEmpty("id"))).isEqualTo(5);
    }

    @DbTest
    void countsEachTaggedCustomerOnceOnlyInTheTenantAndNotOnceDeleted(TestDb db) {
        Crm crm = db.crm();
        People people = new People(crm);
        db.otherTenant().customers().create(CustomerDraft.builder().name("Elsewhere").tag("vip").tag("new").build());
        crm.customers().delete(people.minh.id());

        assertThat(crm.filters().count(Filter.hasTag("vip"))).isEqualTo(1);
        assertThat(crm.filters().count(Filter.hasTag("vip", "hanoi", "new", "vip"))).isEqualTo(2);
        assertThat(crm.filters().count(Filter.hasTag("nobody"))).isZero();
        assertThat(crm.filters().search(Query.where(Filter.hasTag("hanoi", "new")).includeTotal()).total())
                .hasValue(2);
        assertThatThrownBy(() -> crm.filters().count(Filter.where("tags", Operator.HAS_ANY, 42L)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("filter");
    }

    @DbTest
    void findsByIdWithTheIdBoundAsAWholeNumberSoItsIndexApplies(TestDb db) {
        Crm crm = db.crm();
        People people = new People(crm);

        assertThat(ids(crm, Filter.eq("id", people.hoa.id()))).containsExactly(people.hoa.id());
        assertThat(ids(crm, Filter.eq("id", new BigDecimal(people.hoa.id() + ".000")))).containsExactly(people.hoa.id());
        assertThat(crm.filters().explain(Query.where(Filter.in("id", List.of(people.hoa.id(), people.an.id()))))
                .parameters()).containsExactly(db.tenant(), people.hoa.id(), people.an.id());
        assertThat(searchFails(crm, Query.where(Filter.eq("id", 1.5))).message())
                .contains("field 'id' compares with whole numbers, got 1.5");
    }

    @DbTest
    void refusesInvalidConditionsNamingWhereTheyAreInTheTree(TestDb db) {
        Crm crm = db.crm();
        new People(crm);

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> crm.filters().search(Query.where(
                Filter.all(Filter.eq("city", "Hanoi"), Filter.any(Filter.eq("shoe_size", 42),
                        Filter.where("tags", Operator.LT, "x"), Filter.eq("points", "many"),
                        Filter.eq("gender", "ROBOT"), Filter.eq("name; DROP TABLE crm_customer", "x"))))));

        assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("filter.all[1].any[0]", "unknown_field"),
                org.assertj.core.groups.Tuple.tuple("filter.all[1].any[1]", "not_allowed"),
                org.assertj.core.groups.Tuple.tuple("filter.all[1].any[2]", "wrong_type"),
                org.assertj.core.groups.Tuple.tuple("filter.all[1].any[3]", "not_allowed"),
                org.assertj.core.groups.Tuple.tuple("filter.all[1].any[4]", "unknown_field"));
        assertThat(db.count("customer")).isEqualTo(5);
    }

    @DbTest
    void refusesAnUnknownSortAndACursorThatIsNotThisQuerys(TestDb db) {
        Crm crm = db.crm();
        new People(crm);
        String cursor = crm.filters().search(Query.all().pageSize(2)).nextCursor().orElseThrow();

        assertThat(searchFails(crm, Query.all().sortedBy(Sort.asc("remark"))).field()).isEqualTo("sort");
        assertThat(searchFails(crm, Query.all().sortedBy(Sort.asc("name")).after(cursor)).message())
                .contains("belongs to a search sorted by createdAt descending");
        assertThat(searchFails(crm, Query.all().after("garbage")).message()).contains("not a cursor");
    }

    @DbTest
    void aCursorWhoseValueWasTamperedWithIsRefusedOnFieldCursor(TestDb db) {
        Crm crm = db.crm();
        new People(crm);
        List<String> times = List.of("not-a-time", "+999999999-12-31T23:59:59Z", "2024-02-30T00:00:00Z", "12");
        Map<Sort, List<String>> tampered = Map.of(Sort.NEWEST_FIRST, times, Sort.asc("lastActivityAt"), times,
                Sort.desc("totalSpent"), List.of("lots", "1e999999999", "0.00000000001"),
                Sort.asc("name"), List.of("a\0b", "x".repeat(300)), Sort.asc("id"), List.of("5"));
        tampered.forEach((sort, values) -> {
            String cursor = crm.filters().search(Query.all().sortedBy(sort).pageSize(2)).nextCursor().orElseThrow();
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            for (String value : values) {
                String changed = Base64.getUrlEncoder().withoutPadding().encodeToString((text.substring(0,
                        text.lastIndexOf('\n') + 1) + value).getBytes(StandardCharsets.UTF_8));
                assertThat(searchFails(crm, Query.all().sortedBy(sort).after(changed)).field()).as(sort + " " + value)
                        .isEqualTo("cursor");
            }
        });
    }

    @DbTest
    void aRetiredFieldCanNoLongerBeFilteredOn(TestDb db) {
        Crm crm = db.crm();
        new People(crm);
        crm.fields().retire("points");

        assertThat(searchFails(crm, Query.where(Filter.eq("points", 40))).message()).contains("is retired");
    }

    @DbTest
    void searchesOnlyTheActorsTenantAndNeedsRead(TestDb db) {
        new People(db.crm());
        db.otherTenant().customers().create(CustomerDraft.builder().name("Nguyễn Thị Lan").build());

        assertThat(db.otherTenant().filters().count(Filter.contains("name", "Lan"))).isEqualTo(1);
        assertThat(db.crm().filters().count(Filter.contains("name", "Lan"))).isEqualTo(1);
        assertThatThrownBy(() -> db.crm(Permission.WRITE).filters().search(Query.all()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("READ");
    }

    @DbTest
    void searchesWithAFilterReadFromItsJsonForm(TestDb db) {
        Crm crm = db.crm();
        People p = new People(crm);
        Filter filter = Filter.any(Filter.hasAllTags("vip", "hanoi"), Filter.eq("externalId", "erp-77"),
                Filter.after("createdAt", Instant.parse("2000-01-01T00:00:00Z")));

        Filter parsed = crm.filters().parse(crm.filters().toJson(Filter.all(filter, Filter.isNotEmpty("points"))));

        assertThat(ids(crm, parsed)).containsExactlyInAnyOrderElementsOf(ids(p.lan, p.minh, p.an));
        Set<Long> all = new HashSet<>(ids(crm, filter));
        assertThat(all).hasSize(5);
    }
}
