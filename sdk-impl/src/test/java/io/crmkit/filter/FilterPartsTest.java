package io.crmkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.IdentityType;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Operator;
import io.crmkit.api.filter.Query;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code verified} field, parts of phones and emails, the {@code address} field and the keyword over the
 * address, on every database; and their bad input refused naming the field.
 */
class FilterPartsTest {

    /** Four customers that the conditions below tell apart. */
    private static final class People {
        final Customer lan;
        final Customer minh;
        final Customer hoa;
        final Customer an;

        People(Crm crm) {
            lan = crm.customers().create(CustomerDraft.builder().name("Lan").phone("+84 90 123 4567")
                    .phone("024 3826 5678").email("Lan.Tran@Example.com")
                    .address(Address.of("Vietnam", "Ha Noi", "Hanoi", "Ba Dinh", "12 Hoa Ma")).build());
            minh = crm.customers().create(CustomerDraft.builder().name("Minh").phone("+1 415 555 0123")
                    .email("minh@lotus.vn").address(Address.of("USA", "California", "San Francisco", "", "")).build());
            hoa = crm.customers().create(CustomerDraft.builder().name("Hoa").phone("0912 345 678")
                    .address(Address.of("", "", "", "", "100% Phan Dinh Phung")).build());
            an = crm.customers().create(CustomerDraft.builder().name("An").externalId("erp-9").build());
        }
    }

    private static List<Long> ids(Crm crm, Filter filter) {
        List<Long> found = crm.filters().search(Query.where(filter).pageSize(100)).items().stream()
                .map(Customer::id).toList();
        assertThat(crm.filters().count(filter)).as("count of " + filter).isEqualTo(found.size());
        return found;
    }

    private static List<Long> ids(Customer... customers) {
        return Arrays.stream(customers).map(Customer::id).toList();
    }

    private static List<Long> keyword(Crm crm, String keyword) {
        return crm.filters().search(Query.all().keyword(keyword)).items().stream().map(Customer::id).toList();
    }

    private static FieldError refused(Crm crm, Filter.Condition condition) {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> crm.filters().search(Query.where(Filter.all(Filter.isNotEmpty("name"), condition))));
        assertThat(e).as(condition.toString()).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("filter.all[1]");
            assertThat(error.message()).contains("field '" + condition.field() + "'");
        });
        assertThat(catchThrowableOfType(ValidationException.class, () -> crm.filters().count(condition)))
                .as("count of " + condition).isNotNull();
        return e.errors().get(0);
    }

    @DbTest
    void findsAPhoneByItsDigitsInAnyNotation(TestDb db) {
        Crm crm = db.crm();
        People p = new People(crm);

        assertThat(ids(crm, Filter.contains("phones", "+84 90-123"))).containsExactly(p.lan.id());
        assertThat(ids(crm, Filter.contains("phones", "(90) 123.4"))).containsExactly(p.lan.id());
        assertThat(ids(crm, Filter.contains("phones", "555 01"))).containsExactly(p.minh.id());
        assertThat(ids(crm, Filter.contains("phones", "0912-345"))).containsExactly(p.hoa.id());
        assertThat(ids(crm, Filter.contains("phones", "5678"))).containsExactlyInAnyOrderElementsOf(ids(p.lan, p.hoa));
        assertThat(ids(crm, Filter.contains("phones", "+1 555"))).isEmpty();
        assertThat(ids(crm, Filter.contains("phones", "99999"))).isEmpty();
    }

    @DbTest
    void findsAPhoneByTheStartOfItsNumberInInternationalOrNationalNotation(TestDb db) {
        Crm crm = db.crm();
        People p = new People(crm);

        assertThat(ids(crm, Filter.where("phones", Operator.STARTS_WITH, "+84")))
                .containsExactlyInAnyOrderElementsOf(ids(p.lan, p.hoa));
        assertThat(ids(crm, Filter.where("phones", Operator.STARTS_WITH, "84 90"))).containsExactly(p.lan.id());
        assertThat(ids(crm, Filter.where("phones", Operator.STARTS_WITH, "090 1"))).containsExactly(p.lan.id());
        assertThat(ids(crm, Filter.where("phones", Operator.STARTS_WITH, "024"))).containsExactly(p.lan.id());
        assertThat(ids(crm, Filter.where("phones", Operator.STARTS_WITH, "+1 (415)"))).containsExactly(p.minh.id());
        assertThat(ids(crm, Filter.where("phones", Operator.STARTS_WITH, "415"))).isEmpty();
        assertThat(ids(crm, Filter.where("phones", Operator.STARTS_WITH, "123"))).isEmpty();
    }

    @DbTest
    void findsAnEmailByAPartIgnoringCase(TestDb db) {
        Crm crm = db.crm();
        People p = new People(crm);

        assertThat(ids(crm, Filter.contains("emails", "TRAN@example"))).containsExactly(p.lan.id());
        assertThat(ids(crm, Filter.contains("emails", " lotus.vn "))).containsExactly(p.minh.id());
        assertThat(ids(crm, Filter.where("emails", Operator.STARTS_WITH, "minh@"))).containsExactly(p.minh.id());
        assertThat(ids(crm, Filter.where("emails", Operator.STARTS_WITH, "tran"))).isEmpty();
        assertThat(ids(crm, Filter.contains("emails", "%"))).isEmpty();
        assertThat(ids(crm, Filter.contains("emails", "_"))).isEmpty();
    }

    @DbTest
    void theAddressFieldMatchesAnyPartOfTheAddress(TestDb db) {
        Crm crm = db.crm();
        People p = new People(crm);

        assertThat(ids(crm, Filter.contains("address", "viet"))).containsExactly(p.lan.id());
        assertThat(ids(crm, Filter.contains("address", "CALIFORNIA"))).containsExactly(p.minh.id());
        assertThat(ids(crm, Filter.contains("address", "francisco"))).containsExactly(p.minh.id());
        assertThat(ids(crm, Filter.contains("address", "ba dinh"))).containsExactly(p.lan.id());
        assertThat(ids(crm, Filter.contains("address", "dinh"))).containsExactlyInAnyOrderElementsOf(ids(p.lan, p.hoa));
        assertThat(ids(crm, Filter.contains("address", "100%"))).containsExactly(p.hoa.id());
        assertThat(ids(crm, Filter.contains("address", "0%"))).containsExactly(p.hoa.id());
        assertThat(ids(crm, Filter.where("address", Operator.STARTS_WITH, "ha"))).containsExactly(p.lan.id());
        assertThat(ids(crm, Filter.where("address", Operator.NOT_CONTAINS, "dinh")))
                .containsExactlyInAnyOrderElementsOf(ids(p.minh, p.an));
        assertThat(ids(crm, Filter.isEmpty("address"))).containsExactly(p.an.id());
        assertThat(ids(crm, Filter.isNotEmpty("address"))).containsExactlyInAnyOrderElementsOf(ids(p.lan, p.minh, p.hoa));
    }

    @DbTest
    void theKeywordFindsAnyPartOfTheAddress(TestDb db) {
        Crm crm = db.crm();
        People p = new People(crm);

        assertThat(keyword(crm, "san fran")).containsExactly(p.minh.id());
        assertThat(keyword(crm, "HA NOI")).containsExactly(p.lan.id());
        assertThat(keyword(crm, "Phan Dinh")).containsExactly(p.hoa.id());
        assertThat(keyword(crm, "vietnam")).containsExactly(p.lan.id());
    }

    @DbTest
    void theVerifiedFieldFindsCustomersWithAVerifiedIdentity(TestDb db) {
        Crm crm = db.crm();
        People p = new People(crm);
        crm.customers().markVerified(p.minh.id(), IdentityType.EMAIL, "MINH@lotus.vn");

        assertThat(ids(crm, Filter.where("verified", Operator.IS_TRUE)))
                .containsExactlyInAnyOrderElementsOf(ids(p.minh, p.an));
        assertThat(ids(crm, Filter.eq("verified", true))).containsExactlyInAnyOrderElementsOf(ids(p.minh, p.an));
        assertThat(ids(crm, Filter.where("verified", Operator.IS_FALSE)))
                .containsExactlyInAnyOrderElementsOf(ids(p.lan, p.hoa));
        assertThat(ids(crm, Filter.eq("verified", false))).containsExactlyInAnyOrderElementsOf(ids(p.lan, p.hoa));
        assertThat(crm.customers().get(p.minh.id()).verified()).isTrue();
        assertThat(crm.customers().get(p.lan.id()).verified()).isFalse();
    }

    @DbTest
    void refusesAnEmptyPartNamingTheField(TestDb db) {
        Crm crm = db.crm();
        new People(crm);

        for (String field : List.of("phones", "emails", "address", "name")) {
            assertThat(refused(crm, Filter.contains(field, "")).code()).as(field).isEqualTo("required");
        }
        assertThat(refused(crm, Filter.contains("emails", "   ")).code()).isEqualTo("required");
        assertThat(refused(crm, Filter.where("phones", Operator.STARTS_WITH, " + - ")).message())
                .contains("at least 1 digit");
    }

    @DbTest
    void refusesAPartLongerThanAnyStoredValueNamingTheFieldAndTheLimit(TestDb db) {
        Crm crm = db.crm();
        new People(crm);

        FieldError phone = refused(crm, Filter.contains("phones", "1234567890123456"));
        assertThat(phone).extracting(FieldError::code, FieldError::limit).containsExactly("too_long", Optional.of("15"));
        assertThat(refused(crm, Filter.contains("phones", "1 2 3 4 5 6 7 8 9 0 1")).limit()).hasValue("20");
        assertThat(ids(crm, Filter.contains("phones", "123456789012345"))).isEmpty();
        FieldError email = refused(crm, Filter.contains("emails", "a".repeat(129)));
        assertThat(email).extracting(FieldError::code, FieldError::limit).containsExactly("too_long", Optional.of("128"));
        assertThat(ids(crm, Filter.contains("emails", "a".repeat(128)))).isEmpty();
        FieldError address = refused(crm, Filter.where("address", Operator.STARTS_WITH, "x".repeat(81)));
        assertThat(address).extracting(FieldError::code, FieldError::limit).containsExactly("too_long", Optional.of("80"));
        assertThat(ids(crm, Filter.contains("address", "x".repeat(80)))).isEmpty();
    }

    @DbTest
    void refusesAPartOfTheWrongTypeNamingTheField(TestDb db) {
        Crm crm = db.crm();
        new People(crm);

        assertThat(refused(crm, Filter.where("phones", Operator.CONTAINS, 912L)).code()).isEqualTo("wrong_type");
        assertThat(refused(crm, Filter.where("address", Operator.CONTAINS, true)).code()).isEqualTo("wrong_type");
        assertThat(refused(crm, Filter.where("emails", Operator.STARTS_WITH, 1L)).code()).isEqualTo("wrong_type");
        assertThat(refused(crm, Filter.eq("verified", "yes")).code()).isEqualTo("wrong_type");
        assertThat(refused(crm, Filter.contains("phones", "09x12")).code()).isEqualTo("invalid");
        assertThat(refused(crm, Filter.contains("phones", "09+12")).code()).isEqualTo("invalid");
        assertThat(refused(crm, Filter.isEmpty("verified")).code()).isEqualTo("not_allowed");
        assertThat(refused(crm, Filter.where("phones", Operator.ENDS_WITH, "678")).code()).isEqualTo("not_allowed");
        assertThat(refused(crm, Filter.eq("address", "Hanoi")).code()).isEqualTo("not_allowed");
    }
}
