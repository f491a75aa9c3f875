package io.crmkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.SavedFilter;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.util.List;

@ShardedToo
class SegmentTest {

    private static List<String> segments(Crm crm, Customer customer) {
        return crm.filters().saved().segmentsOf(customer.id()).stream().map(SavedFilter::name).toList();
    }

    private static SavedFilter segment(Crm crm, String name, Filter filter) {
        return crm.filters().saved().markSegment(crm.filters().saved().create(name, filter).id(), true);
    }

    @DbTest
    void listsTheSegmentsACustomerIsInAndFollowsItsChangesAtOnce(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").tag("vip")
                .address(Address.of("Vietnam", "", "Hanoi", "", "")).build());
        Customer minh = crm.customers().create(CustomerDraft.builder().name("Minh").build());
        segment(crm, "VIPs", Filter.hasTag("vip"));
        SavedFilter hanoi = segment(crm, "Hanoi", Filter.eq("city", "Hanoi"));
        crm.filters().saved().create("Not a segment", Filter.isNotEmpty("name"));

        assertThat(segments(crm, lan)).containsExactly("Hanoi", "VIPs");
        assertThat(segments(crm, minh)).isEmpty();

        crm.customers().removeTags(lan.id(), List.of("vip"));
        assertThat(segments(crm, lan)).containsExactly("Hanoi");

        crm.filters().saved().markSegment(hanoi.id(), false);
        assertThat(segments(crm, lan)).isEmpty();
        assertThat(crm.filters().saved().find(hanoi.id()).orElseThrow().segment()).isFalse();
    }

    @DbTest
    void aSegmentThatNoLongerFitsTheFieldsHasNoMembers(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").tag("vip").custom("points", 5).build());
        segment(crm, "Pointy", Filter.isNotEmpty("points"));
        segment(crm, "VIPs", Filter.hasTag("vip"));
        assertThat(segments(crm, lan)).containsExactly("Pointy", "VIPs");

        crm.fields().retire("points");

        assertThat(segments(crm, lan)).containsExactly("VIPs");
    }

    @DbTest
    void evaluatesMoreSegmentsThanOneQueryHolds(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").tag("t7").tag("t149").build());
        for (int i = 0; i < 150; i++) {
            segment(crm, String.format("s%03d", i), Filter.hasTag("t" + i));
        }

        assertThat(segments(crm, lan)).containsExactly("s007", "s149");
    }

    @DbTest
    void aCustomerOfAnotherTenantHasNoSegmentsToShow(TestDb db) {
        Customer elsewhere = db.otherTenant().customers().create(CustomerDraft.builder().name("Other").build());
        segment(db.crm(), "Everyone", Filter.isNotEmpty("name"));

        assertThatThrownBy(() -> db.crm().filters().saved().segmentsOf(elsewhere.id()))
                .isInstanceOf(NotFoundException.class);
    }
}
