package io.crmkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Explained;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import io.crmkit.api.filter.SavedFilter;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.util.List;

@ShardedToo
class SavedFilterTest {

    private static List<String> members(Crm crm, long savedFilter) {
        return crm.filters().search(Query.where(Filter.eq("savedFilter", savedFilter))).items().stream()
                .map(Customer::name).sorted().toList();
    }

    @DbTest
    void savesRenamesCopiesAndDeletesFilters(TestDb db) {
        Crm crm = db.crm();
        SavedFilter vips = crm.filters().saved().create("  VIPs ", Filter.hasTag("vip"));
        assertThat(vips.name()).isEqualTo("VIPs");
        assertThat(crm.filters().saved().find(vips.id())).contains(vips);

        SavedFilter renamed = crm.filters().saved().rename(vips.id(), "Very important");
        SavedFilter copy = crm.filters().saved().copy(vips.id(), "VIP copy");

        assertThat(renamed.version()).isEqualTo(2);
        assertThat(copy.filter()).isEqualTo(Filter.hasTag("vip"));
        assertThat(crm.filters().saved().list()).extracting(SavedFilter::name).containsExactly("VIP copy",
                "Very important");
        crm.filters().saved().delete(copy.id());
        assertThat(crm.filters().saved().list()).extracting(SavedFilter::id).containsExactly(vips.id());
        assertThatThrownBy(() -> crm.filters().saved().delete(copy.id())).isInstanceOf(NotFoundException.class);
    }

    @DbTest
    void itsMembersAreWhoeverMatchesNow(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").tag("vip").build());
        crm.customers().create(CustomerDraft.builder().name("Minh").build());
        SavedFilter vips = crm.filters().saved().create("VIPs", Filter.hasTag("vip"));
        assertThat(members(crm, vips.id())).containsExactly("Lan");

        crm.customers().removeTags(lan.id(), List.of("vip"));

        assertThat(members(crm, vips.id())).isEmpty();
    }

    @DbTest
    void aFilterCanReferToAnotherButNeverBackToItself(TestDb db) {
        Crm crm = db.crm();
        crm.customers().create(CustomerDraft.builder().name("Lan").tag("vip").tag("hanoi").build());
        crm.customers().create(CustomerDraft.builder().name("Minh").tag("vip").build());
        SavedFilter vips = crm.filters().saved().create("VIPs", Filter.hasTag("vip"));
        SavedFilter hanoiVips = crm.filters().saved().create("Hanoi VIPs",
                Filter.all(Filter.eq("savedFilter", vips.id()), Filter.hasTag("hanoi")));
        assertThat(members(crm, hanoiVips.id())).containsExactly("Lan");

        ValidationException cycle = catchThrowableOfType(ValidationException.class, () -> crm.filters().saved()
                .update(vips.id(), Filter.eq("savedFilter", hanoiVips.id())));
        assertThat(cycle.getMessage()).contains("would refer to itself");
        assertThatThrownBy(() -> crm.filters().saved().update(vips.id(), Filter.eq("savedFilter", vips.id())))
                .isInstanceOf(ValidationException.class);
        assertThat(crm.filters().saved().find(vips.id()).orElseThrow().filter()).isEqualTo(Filter.hasTag("vip"));

        assertThatThrownBy(() -> crm.filters().saved().delete(vips.id()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("used by saved filter 'Hanoi VIPs'");
        crm.filters().saved().delete(hanoiVips.id());
        crm.filters().saved().delete(vips.id());
        assertThat(crm.filters().saved().list()).isEmpty();
    }

    @DbTest
    void refusesABadNameOrFilterAndATakenNameWritingNothing(TestDb db) {
        Crm crm = db.crm();
        crm.filters().saved().create("VIPs", Filter.hasTag("vip"));

        assertThatThrownBy(() -> crm.filters().saved().create(" ", Filter.hasTag("x")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> crm.filters().saved().create("x".repeat(81), Filter.hasTag("x")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 80");
        assertThatThrownBy(() -> crm.filters().saved().create("Shoes", Filter.eq("shoe_size", 42)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no field 'shoe_size'");
        assertThatThrownBy(() -> crm.filters().saved().create("VIPs", Filter.hasTag("x")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'VIPs' exists already");
        assertThatThrownBy(() -> crm.filters().search(Query.where(Filter.eq("savedFilter", 42L))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no saved filter 42");
        assertThat(crm.filters().saved().list()).hasSize(1);
    }

    @DbTest
    void savedFiltersBelongToTheirTenantAndChangesNeedWrite(TestDb db) {
        SavedFilter vips = db.crm().filters().saved().create("VIPs", Filter.hasTag("vip"));

        assertThat(db.otherTenant().filters().saved().find(vips.id())).isEmpty();
        assertThatThrownBy(() -> db.otherTenant().filters().search(Query.where(Filter.eq("savedFilter", vips.id()))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> db.crm(Permission.READ).filters().saved().create("x", Filter.hasTag("x")))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("WRITE");
        assertThat(db.crm(Permission.READ).filters().saved().list()).hasSize(1);
    }

    @DbTest
    void explainShowsTheSqlWithEveryValueBound(TestDb db) {
        Crm crm = db.crm();
        String hostile = "x' OR '1'='1";

        Explained explained = crm.filters().explain(Query.where(Filter.eq("name", hostile)).pageSize(20));

        // On H2 the page walks the createdAt index (see DefaultFilterService.pageQuery); on MariaDB a filtered page
        // first walks its order for a bounded number of rows (Dialect.pageWalk).
        boolean h2 = db.dialect().equals("h2");
        boolean mariadb = db.dialect().equals("mariadb");
        assertThat(explained.sql()).startsWith((mariadb ? "SET STATEMENT optimizer_switch='exists_to_in=off' FOR " : "")
                        + "SELECT c.id FROM crm_customer c" + (h2 ? " USE INDEX (crm_customer_created)" : "")
                        + " WHERE c.tenant_id = ? AND c.name = ?")
                .endsWith("ORDER BY " + (h2 ? "c.tenant_id DESC, " : "") + "c.created_at DESC, c.id DESC LIMIT 21"
                        + (mariadb ? " ROWS EXAMINED 20000" : ""))
                .doesNotContain(hostile);
        assertThat(explained.parameters()).containsExactly(db.tenant(), hostile);
    }

    @DbTest
    void aPhoneKeywordFindsItsCustomerThroughTheIdIndexOnH2(TestDb db) {
        Crm crm = db.crm();
        long lan = crm.customers().create(CustomerDraft.builder().name("Lan").phone("+84912345678").build()).id();
        crm.customers().create(CustomerDraft.builder().name("Binh").phone("+84912345679").build());
        Query query = Query.all().keyword("+84 912 345 678");

        Explained explained = crm.filters().explain(query);

        assertThat(crm.filters().search(query).items()).extracting(Customer::id).containsExactly(lan);
        if (db.dialect().equals("h2")) {
            assertThat(explained.sql()).startsWith("SELECT c.id FROM crm_customer c USE INDEX (crm_customer_id)")
                    .endsWith("ORDER BY c.created_at DESC, c.id DESC LIMIT 51");
        } else {
            assertThat(explained.sql()).doesNotContain("USE INDEX");
        }
    }
}
