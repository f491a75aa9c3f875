package io.crmkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.CustomerGroup;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Groups;
import io.crmkit.api.filter.Query;
import io.crmkit.api.filter.Sort;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.util.List;
import java.util.stream.LongStream;

@ShardedToo
class GroupTest {

    private static Customer customer(Crm crm, String name, String... tags) {
        return crm.customers().create(CustomerDraft.builder().name(name).tags(List.of(tags)).build());
    }

    private static List<String> members(Crm crm, long groupId) {
        return crm.filters().groups().members(groupId, Query.all().sortedBy(Sort.asc("name"))).items().stream()
                .map(Customer::name).toList();
    }

    @DbTest
    void addsAndRemovesCustomersByIdSkippingWhatItCannotAdd(TestDb db) {
        Crm crm = db.crm();
        Customer lan = customer(crm, "Lan");
        Customer minh = customer(crm, "Minh");
        Customer elsewhere = db.otherTenant().customers().create(CustomerDraft.builder().name("Other").build());
        CustomerGroup group = crm.filters().groups().create("Campaign A");

        assertThat(crm.filters().groups().add(group.id(), List.of(lan.id(), minh.id(), lan.id(), elsewhere.id(), 42L)))
                .isEqualTo(2);
        assertThat(crm.filters().groups().add(group.id(), List.of(lan.id()))).isZero();
        assertThat(members(crm, group.id())).containsExactly("Lan", "Minh");

        assertThat(crm.filters().groups().remove(group.id(), List.of(minh.id(), 42L))).isEqualTo(1);
        assertThat(members(crm, group.id())).containsExactly("Lan");
    }

    @DbTest
    void addsTheCustomersAFilterMatchesNowAsASnapshot(TestDb db) {
        Crm crm = db.crm();
        customer(crm, "Lan", "vip");
        customer(crm, "Minh", "vip");
        customer(crm, "Hoa");
        CustomerGroup vips = crm.filters().groups().create("VIPs of today");

        assertThat(crm.filters().groups().addMatching(vips.id(), Filter.hasTag("vip"))).isEqualTo(2);
        customer(crm, "An", "vip");

        assertThat(members(crm, vips.id())).containsExactly("Lan", "Minh");
        assertThat(crm.filters().groups().addMatching(vips.id(), Filter.hasTag("vip"))).isEqualTo(1);
        assertThat(members(crm, vips.id())).containsExactly("An", "Lan", "Minh");
    }

    @DbTest
    void groupMembershipIsAConditionLikeAnyOther(TestDb db) {
        Crm crm = db.crm();
        Customer lan = customer(crm, "Lan", "vip");
        Customer minh = customer(crm, "Minh");
        customer(crm, "Hoa", "vip");
        CustomerGroup group = crm.filters().groups().create("Mixed");
        crm.filters().groups().add(group.id(), List.of(lan.id(), minh.id()));

        assertThat(crm.filters().count(Filter.all(Filter.eq("group", group.id()), Filter.hasTag("vip")))).isEqualTo(1);
        assertThat(crm.filters().groups().members(group.id(), Query.where(Filter.hasTag("vip"))).items())
                .extracting(Customer::name).containsExactly("Lan");
        assertThat(crm.filters().count(Filter.eq("group", 42L))).isZero();
        assertThat(crm.filters().count(Filter.inGroup(group.id()))).isEqualTo(2);
    }

    @DbTest
    void deletingAGroupKeepsItsCustomersAndDeletingACustomerLeavesItsGroups(TestDb db) {
        Crm crm = db.crm();
        Customer lan = customer(crm, "Lan");
        Customer minh = customer(crm, "Minh");
        CustomerGroup first = crm.filters().groups().create("First");
        CustomerGroup second = crm.filters().groups().create("Second");
        crm.filters().groups().add(first.id(), List.of(lan.id(), minh.id()));
        crm.filters().groups().add(second.id(), List.of(lan.id()));

        crm.customers().delete(minh.id());
        crm.filters().groups().delete(second.id());

        assertThat(members(crm, first.id())).containsExactly("Lan");
        assertThat(crm.customers().find(lan.id())).isPresent();
        assertThat(crm.filters().groups().list()).extracting(CustomerGroup::name).containsExactly("First");
        assertThat(db.column("SELECT COUNT(*) FROM crm_group_member WHERE tenant_id = ?", db.tenant()))
                .containsExactly("1");
        assertThatThrownBy(() -> members(crm, second.id())).isInstanceOf(NotFoundException.class);
    }

    @DbTest
    void renamesAndRefusesBadOrTakenNamesAndUnknownGroups(TestDb db) {
        Crm crm = db.crm();
        CustomerGroup group = crm.filters().groups().create("Old name");
        crm.filters().groups().create("Taken");

        assertThat(crm.filters().groups().rename(group.id(), " New name ").name()).isEqualTo("New name");
        assertThatThrownBy(() -> crm.filters().groups().rename(group.id(), "Taken")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> crm.filters().groups().create("")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> crm.filters().groups().create("x".repeat(81))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> crm.filters().groups().add(42L, List.of(1L))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.filters().groups().add(group.id(),
                LongStream.range(0, Groups.MAX_IDS_PER_CALL + 1).boxed().toList()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 10000 ids");
        assertThat(crm.filters().groups().find(group.id()).orElseThrow().name()).isEqualTo("New name");
    }

    @DbTest
    void groupsBelongToTheirTenantAndChangesNeedWrite(TestDb db) {
        CustomerGroup group = db.crm().filters().groups().create("Mine");
        Customer elsewhere = db.otherTenant().customers().create(CustomerDraft.builder().name("Other").build());

        assertThat(db.otherTenant().filters().groups().find(group.id())).isEmpty();
        assertThatThrownBy(() -> db.otherTenant().filters().groups().add(group.id(), List.of(elsewhere.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> db.crm(Permission.READ).filters().groups().create("x"))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(db.crm(Permission.READ).filters().groups().list()).hasSize(1);
    }
}
